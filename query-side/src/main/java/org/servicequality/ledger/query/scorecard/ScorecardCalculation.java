package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.api.scorecard.DepartmentScorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every scorecard formula, in one place (docs/scoring.md, method {@value #VERSION}). The board reads its
 * rates through the scorecard query, so no second copy of a formula exists.
 */
final class ScorecardCalculation {

    static final String VERSION = "scorecard-1";

    private ScorecardCalculation() {
    }

    /** A department's summed month figures for a period, with the period's service contacts if known. */
    record Input(String departmentId, String nameZh, String nameEn, String period, MonthFigures figures, Long serviceContacts) {
    }

    static DepartmentScorecard scorecard(Input now, Input yearEarlier) {
        DepartmentScorecard current = figuresOf(now);
        DepartmentScorecard previous = figuresOf(yearEarlier);
        Map<String, DepartmentScorecard.Change> changes = new LinkedHashMap<>();
        change(changes, "complaints", current.feedback().complaints(), previous.feedback().complaints());
        change(changes, "suggestions", current.feedback().suggestions(), previous.feedback().suggestions());
        change(changes, "commendations", current.commendations(), previous.commendations());
        change(changes, "complaintsPer10k", current.complaintsPer10k(), previous.complaintsPer10k());
        change(changes, "commendationsPer10k", current.commendationsPer10k(), previous.commendationsPer10k());
        change(changes, "replyOnTimeShare", current.replies().onTimeShare(), previous.replies().onTimeShare());
        change(changes, "replyMedianHours", current.replies().medianHours(), previous.replies().medianHours());
        change(changes, "resolutionShare", current.resolutions().resolutionShare(), previous.resolutions().resolutionShare());
        change(changes, "satisfactionMean", current.satisfaction().mean(), previous.satisfaction().mean());
        change(changes, "pointsDeducted", current.inspections().pointsDeducted(), previous.inspections().pointsDeducted());
        change(changes, "rectificationOnTimeShare", current.rectifications().onTimeShare(), previous.rectifications().onTimeShare());
        change(changes, "compositeScore", current.compositeScore(), previous.compositeScore());
        return new DepartmentScorecard(current.departmentId(), current.nameZh(), current.nameEn(), current.period(), VERSION,
                current.feedback(), current.serviceContacts(), current.complaintsPer10k(), current.commendations(),
                current.commendationsPer10k(), current.replies(), current.resolutions(), current.satisfaction(),
                current.inspections(), current.rectifications(), current.compositeScore(), changes);
    }

    private static DepartmentScorecard figuresOf(Input input) {
        MonthFigures f = input.figures();
        Long contacts = input.serviceContacts();
        Double onTimeShare = share(f.repliedOnTime, f.replied);
        Double resolutionShare = share(f.resolved, f.complaints + f.suggestions - f.withdrawn);
        Double satisfactionMean = f.satisfactionCount == 0 ? null : round((double) f.satisfactionSum / f.satisfactionCount, 2);
        long findings = f.findingsBySeverity.values().stream().mapToLong(Long::longValue).sum();
        long points = f.pointsBySeverity.values().stream().mapToLong(Long::longValue).sum();
        Double rectificationShare = share(f.rectificationsVerifiedOnTime, f.rectificationsDue);
        Double inspectionComponent = findings + f.positiveFindings == 0 ? null : (double) Math.max(0, 100 - points);
        return new DepartmentScorecard(input.departmentId(), input.nameZh(), input.nameEn(), input.period(), VERSION,
                new DepartmentScorecard.Feedback(f.complaints, f.suggestions, new TreeMap<>(f.byCategory), new TreeMap<>(f.byChannel),
                        f.withdrawn, f.excluded, new TreeMap<>(f.excludedByReason)),
                contacts,
                per10k(f.complaints, contacts),
                f.commendations,
                per10k(f.commendations, contacts),
                new DepartmentScorecard.Replies(f.replied, f.repliedOnTime, onTimeShare, medianHours(f.replySeconds)),
                new DepartmentScorecard.Resolutions(f.resolved, new TreeMap<>(f.resolvedByOutcome), resolutionShare),
                new DepartmentScorecard.Satisfaction(f.satisfactionCount, satisfactionMean),
                new DepartmentScorecard.Inspections(new TreeMap<>(f.findingsBySeverity), new TreeMap<>(f.pointsBySeverity),
                        findings, points, f.positiveFindings),
                new DepartmentScorecard.Rectifications(f.rectificationsDue, f.rectificationsVerifiedOnTime, rectificationShare),
                composite(onTimeShare, resolutionShare, satisfactionMean, inspectionComponent, rectificationShare),
                Map.of());
    }

    /**
     * The weighted mean of the components present, each on a 0 to 100 scale: reply on time 25, resolution 20,
     * satisfaction 20, inspections 20, rectification on time 15. Absent components give their weight to the others.
     */
    private static Double composite(Double onTimeShare, Double resolutionShare, Double satisfactionMean,
                                    Double inspectionComponent, Double rectificationShare) {
        double weighted = 0;
        double weights = 0;
        double[][] components = {
                {onTimeShare == null ? Double.NaN : onTimeShare * 100, 25},
                {resolutionShare == null ? Double.NaN : resolutionShare * 100, 20},
                {satisfactionMean == null ? Double.NaN : (satisfactionMean - 1) / 4 * 100, 20},
                {inspectionComponent == null ? Double.NaN : inspectionComponent, 20},
                {rectificationShare == null ? Double.NaN : rectificationShare * 100, 15}};
        for (double[] component : components) {
            if (!Double.isNaN(component[0])) {
                weighted += component[0] * component[1];
                weights += component[1];
            }
        }
        return weights == 0 ? null : round(weighted / weights, 1);
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : round((double) part / whole, 4);
    }

    private static Double per10k(long count, Long contacts) {
        return contacts == null || contacts == 0 ? null : round(count * 10_000.0 / contacts, 2);
    }

    /** The middle reply time, or the mean of the two middle ones for an even count; in hours. */
    static Double medianHours(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return round(median / 3600, 1);
    }

    private static void change(Map<String, DepartmentScorecard.Change> changes, String name, Number current, Number previous) {
        Double now = current == null ? null : current.doubleValue();
        Double before = previous == null ? null : previous.doubleValue();
        Double absolute = now == null || before == null ? null : round(now - before, 4);
        Double percent = absolute == null || before == 0 ? null : round(absolute / before * 100, 1);
        changes.put(name, new DepartmentScorecard.Change(before, now, absolute, percent));
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
