package org.servicequality.ledger.query.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a department's twelve-month trend as inline SVG: two polylines (complaints,
 * commendations) on a shared scale. Drawn on the server so the chart needs no JavaScript; the page
 * gives the same numbers as a table for screen readers and text browsers.
 */
record TrendChart(List<String> months, List<Long> complaints, List<Long> commendations, long max,
                  String complaintPoints, String commendationPoints, List<Integer> indexes) {

    /** Matches the width and height attributes of the chart in layout.html. */
    static final int WIDTH = 240;
    static final int HEIGHT = 60;
    private static final int PADDING = 4;

    static TrendChart of(List<String> months, List<Long> complaints, List<Long> commendations) {
        long max = 1;
        for (List<Long> series : List.of(complaints, commendations)) {
            for (Long value : series) {
                max = Math.max(max, value);
            }
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            indexes.add(i);
        }
        return new TrendChart(months, complaints, commendations, max,
                points(complaints, months.size(), max), points(commendations, months.size(), max), indexes);
    }

    private static String points(List<Long> series, int count, long max) {
        StringBuilder points = new StringBuilder();
        double step = count <= 1 ? 0 : (WIDTH - 2.0 * PADDING) / (count - 1);
        for (int i = 0; i < series.size(); i++) {
            double x = PADDING + i * step;
            double y = HEIGHT - PADDING - (HEIGHT - 2.0 * PADDING) * series.get(i) / max;
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }
}
