package org.servicequality.ledger.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A run's figures against the targets of issue 8, printed and appended to a Markdown file. */
final class BenchReport {

    /**
     * @param atLeast whether the target is a floor (throughput) rather than a ceiling (latency, memory)
     */
    record Figure(String measurement, double measured, double target, boolean atLeast, String unit, String loadAverage) {

        boolean met() {
            return atLeast ? measured >= target : measured <= target;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %s %s | %.2f | %s | %s |", measurement, number(measured) + " " + unit,
                    atLeast ? "≥" : "≤", number(target) + " " + unit, measured / target, met() ? "yes" : "**no**", loadAverage);
        }
    }

    private final List<String> context = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    void context(String line) {
        context.add(line);
    }

    void figure(Figure figure) {
        figures.add(figure);
    }

    void detail(String line) {
        details.add(line);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String markdown(String title) {
        StringBuilder text = new StringBuilder("\n### ").append(title).append("\n\n");
        context.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\n| measurement | measured | target | measured ÷ target | met | load average (1, 5, 15 min) |\n")
                .append("|---|---|---|---|---|---|\n");
        figures.forEach(figure -> text.append(figure.row()).append('\n'));
        text.append('\n');
        details.forEach(line -> text.append("- ").append(line).append('\n'));
        return text.toString();
    }

    void appendTo(Path file, String title) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, markdown(title), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
