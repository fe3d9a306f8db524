package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Period;

import java.time.YearMonth;
import java.util.List;

/** The periods a month's facts count in: the month itself, its quarter and its year. */
final class RankingPeriods {

    private RankingPeriods() {
    }

    static List<Period> containing(YearMonth month) {
        return List.of(Period.month(month), quarterOf(month), new Period(Period.Kind.YEAR, month.getYear(), 0));
    }

    static Period quarterOf(YearMonth month) {
        return new Period(Period.Kind.QUARTER, month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }
}
