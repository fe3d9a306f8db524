package org.servicequality.ledger.api.scorecard;

import java.time.YearMonth;

/**
 * Asks for counted complaints and verified commendations in the {@code months} months ending with
 * {@code lastMonth}: of one department, or of every department when {@code departmentId} is {@code null}.
 */
public record FindMonthlyTrend(YearMonth lastMonth, int months, String departmentId) {

    public static FindMonthlyTrend ofEveryDepartment(YearMonth lastMonth, int months) {
        return new FindMonthlyTrend(lastMonth, months, null);
    }
}
