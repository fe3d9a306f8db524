package org.servicequality.ledger.api.scorecard;

import java.util.Map;

/**
 * One department's figures for one period; see {@code docs/scoring.md} for every definition. Rates,
 * shares, the median, the mean and the score are {@code null} when their denominator is zero or missing.
 *
 * @param scoringVersion the version of the formulas that produced this scorecard, for example {@code scorecard-1}
 * @param yearOnYear     change against the same period one year earlier, by figure name
 */
public record DepartmentScorecard(String departmentId,
                                  String nameZh,
                                  String nameEn,
                                  String period,
                                  String scoringVersion,
                                  Feedback feedback,
                                  Long serviceContacts,
                                  Double complaintsPer10k,
                                  long commendations,
                                  Double commendationsPer10k,
                                  Replies replies,
                                  Resolutions resolutions,
                                  Satisfaction satisfaction,
                                  Inspections inspections,
                                  Rectifications rectifications,
                                  Double compositeScore,
                                  Map<String, Change> yearOnYear) {

    /**
     * Complaints and suggestions filed in the period, invalid ones left out of every figure and counted apart.
     *
     * @param byCategory counted complaints and suggestions by category
     * @param byChannel  counted complaints and suggestions by channel
     * @param withdrawn  counted items the submitter withdrew (they stay in the counts)
     * @param excluded   items filed in the period and marked invalid (malicious, mistaken, duplicate)
     */
    public record Feedback(long complaints,
                           long suggestions,
                           Map<String, Long> byCategory,
                           Map<String, Long> byChannel,
                           long withdrawn,
                           long excluded,
                           Map<String, Long> excludedByReason) {
    }

    /** First replies to the period's counted items; the median is in hours. */
    public record Replies(long replied, long onTime, Double onTimeShare, Double medianHours) {
    }

    /** First resolutions of the period's counted items, by outcome. */
    public record Resolutions(long resolved, Map<String, Long> byOutcome, Double resolutionShare) {
    }

    /** Satisfaction follow-ups (scores 1 to 5) on the period's counted items. */
    public record Satisfaction(long followUps, Double mean) {
    }

    /** Findings of inspections held in the period, overturned ones left out; positive findings apart. */
    public record Inspections(Map<String, Long> findingsBySeverity,
                              Map<String, Long> pointsBySeverity,
                              long findings,
                              long pointsDeducted,
                              long positiveFindings) {
    }

    /** Rectifications due in the period and those of them verified by their due time. */
    public record Rectifications(long due, long verifiedOnTime, Double onTimeShare) {
    }

    /**
     * A figure now and one year earlier; {@code absolute} and {@code percent} are {@code null} when either
     * value is missing, {@code percent} also when the earlier value is zero.
     */
    public record Change(Double previous, Double current, Double absolute, Double percent) {
    }
}
