package org.servicequality.ledger.query.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additive figures of a department and month: every field is a count, a sum or a list that can be
 * added up across months, so a quarter or a year is the sum of its months and nothing is stored twice.
 * Changes carry a sign so that an item marked invalid later is taken out exactly as it was put in.
 */
class MonthFigures {

    long complaints;
    long suggestions;
    Map<String, Long> byCategory = new TreeMap<>();
    Map<String, Long> byChannel = new TreeMap<>();
    long withdrawn;
    long excluded;
    Map<String, Long> excludedByReason = new TreeMap<>();
    long replied;
    long repliedOnTime;
    /** Seconds from receipt to first reply, one entry per replied item, for the median. */
    List<Long> replySeconds = new ArrayList<>();
    long resolved;
    Map<String, Long> resolvedByOutcome = new TreeMap<>();
    long satisfactionSum;
    long satisfactionCount;
    Map<String, Long> findingsBySeverity = new TreeMap<>();
    Map<String, Long> pointsBySeverity = new TreeMap<>();
    long positiveFindings;
    long rectificationsDue;
    long rectificationsVerifiedOnTime;
    long commendations;

    void countFiled(ComplaintCase item, int sign) {
        if (item.suggestion) {
            suggestions += sign;
        } else {
            complaints += sign;
        }
        add(byCategory, item.category, sign);
        add(byChannel, item.channel, sign);
    }

    void countReply(ComplaintCase item, int sign) {
        replied += sign;
        if (item.repliedOnTime) {
            repliedOnTime += sign;
        }
        if (sign > 0) {
            replySeconds.add(item.replySeconds);
        } else {
            replySeconds.remove(Long.valueOf(item.replySeconds));
        }
    }

    void countResolution(ComplaintCase item, int sign) {
        resolved += sign;
        add(resolvedByOutcome, item.outcome, sign);
    }

    void countWithdrawal(int sign) {
        withdrawn += sign;
    }

    void countFollowUp(int score, int sign) {
        satisfactionSum += (long) score * sign;
        satisfactionCount += sign;
    }

    void countExclusion(String reason) {
        excluded++;
        add(excludedByReason, reason, 1);
    }

    void countFinding(FindingCase finding, int sign) {
        if (finding.positive) {
            positiveFindings += sign;
        } else {
            add(findingsBySeverity, finding.severity, sign);
            add(pointsBySeverity, finding.severity, (long) finding.points * sign);
        }
    }

    void addAll(MonthFigures other) {
        complaints += other.complaints;
        suggestions += other.suggestions;
        other.byCategory.forEach((key, value) -> add(byCategory, key, value));
        other.byChannel.forEach((key, value) -> add(byChannel, key, value));
        withdrawn += other.withdrawn;
        excluded += other.excluded;
        other.excludedByReason.forEach((key, value) -> add(excludedByReason, key, value));
        replied += other.replied;
        repliedOnTime += other.repliedOnTime;
        replySeconds.addAll(other.replySeconds);
        resolved += other.resolved;
        other.resolvedByOutcome.forEach((key, value) -> add(resolvedByOutcome, key, value));
        satisfactionSum += other.satisfactionSum;
        satisfactionCount += other.satisfactionCount;
        other.findingsBySeverity.forEach((key, value) -> add(findingsBySeverity, key, value));
        other.pointsBySeverity.forEach((key, value) -> add(pointsBySeverity, key, value));
        positiveFindings += other.positiveFindings;
        rectificationsDue += other.rectificationsDue;
        rectificationsVerifiedOnTime += other.rectificationsVerifiedOnTime;
        commendations += other.commendations;
    }

    /** Keys whose count returns to zero are dropped, so a taken-out item leaves no trace in the document. */
    private static void add(Map<String, Long> counts, String key, long delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
