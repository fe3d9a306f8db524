package org.servicequality.ledger.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2026-07}), a quarter ({@code 2026-Q3}) or a year ({@code 2026}).
 * Periods are calendar dates; which instants fall in them depends on the organisation's time zone.
 */
public record Period(Kind kind, int year, int number) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?");

    public enum Kind { MONTH, QUARTER, YEAR }

    public Period {
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 0;
        };
        if (kind == Kind.YEAR ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase() + " " + number + " in a year");
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not {@code yyyy}, {@code yyyy-MM} or {@code yyyy-Qn}
     */
    public static Period parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a period: use yyyy, yyyy-MM or yyyy-Qn, for example 2026, 2026-07 or 2026-Q3");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) != null) {
            return new Period(Kind.MONTH, year, Integer.parseInt(matcher.group(2)));
        }
        if (matcher.group(3) != null) {
            return new Period(Kind.QUARTER, year, Integer.parseInt(matcher.group(3)));
        }
        return new Period(Kind.YEAR, year, 0);
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.getYear(), month.getMonthValue());
    }

    public LocalDate firstDay() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case MONTH -> firstDay().plusMonths(1);
            case QUARTER -> firstDay().plusMonths(3);
            case YEAR -> firstDay().plusYears(1);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && date.isBefore(endExclusive());
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return contains(instant.atZone(zone).toLocalDate());
    }

    /** The same period one year earlier, for year-on-year comparison. */
    public Period yearEarlier() {
        return new Period(kind, year - 1, number);
    }

    @Override
    public int compareTo(Period other) {
        int byStart = firstDay().compareTo(other.firstDay());
        return byStart != 0 ? byStart : other.endExclusive().compareTo(endExclusive());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, number);
            case QUARTER -> String.format("%04d-Q%d", year, number);
            case YEAR -> String.format("%04d", year);
        };
    }
}
