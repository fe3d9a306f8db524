package org.servicequality.ledger.api.scorecard;

import java.time.YearMonth;

/** Asks for every department's counted complaints and verified commendations in the {@code months} months ending with {@code lastMonth}. */
public record FindMonthlyTrend(YearMonth lastMonth, int months) {
}
