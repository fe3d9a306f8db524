package org.servicequality.ledger.api.scorecard;

/** The answer to {@link FindScorecardsAndTrend}: the month's scorecards and the trend, each of the same departments. */
public record ScorecardsAndTrend(Scorecards scorecards, MonthlyTrend trend) {
}
