package org.servicequality.ledger.query.asof;

import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The read side "as of" a past instant, for the controllers of the board, the scorecards and the rankings: they ask
 * the same queries of the returned gateway and judge "now" (this month, overdue) by the returned clock.
 */
public interface AsOfViews {

    /**
     * The read side as it stood at {@code asOf}, or the live one when {@code asOf} is absent or blank. Accepts an
     * ISO-8601 date-time with offset ({@code 2026-07-31T23:59:59+08:00}, {@code ...Z}) or a local date-time in the
     * organisation's time zone ({@code 2026-07-31T23:59}, what a browser's date-time picker sends).
     *
     * @throws InvalidAsOfException when {@code asOf} is malformed or in the future (answered as a 400 problem)
     */
    ReadSide at(String asOf);

    /**
     * @param queries answers every query of the board, scorecards and rankings as of the instant
     * @param clock   the organisation's clock, stopped at the instant for a past view
     * @param asOf    the instant, or {@code null} for the live read side
     */
    record ReadSide(QueryGateway queries, Clock clock, Instant asOf) {

        /** The instant in the organisation's time zone to the second, as a date-time picker shows it; {@code null} when live. */
        public String asOfLocal() {
            return asOf == null ? null : LocalDateTime.ofInstant(asOf, clock.getZone()).truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }
}
