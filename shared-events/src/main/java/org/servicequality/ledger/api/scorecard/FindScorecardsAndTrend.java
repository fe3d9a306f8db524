package org.servicequality.ledger.api.scorecard;

import java.time.YearMonth;

/**
 * Asks, in one query, for what {@link FindScorecards} answers for {@code month} and what {@link FindMonthlyTrend}
 * answers for the {@code trendMonths} months ending with it: of one department, or of every department when
 * {@code departmentId} is {@code null}. The board needs both, and they share most of the stored months they are
 * summed from.
 */
public record FindScorecardsAndTrend(YearMonth month, int trendMonths, String departmentId) {

    public static FindScorecardsAndTrend ofEveryDepartment(YearMonth month, int trendMonths) {
        return new FindScorecardsAndTrend(month, trendMonths, null);
    }
}
