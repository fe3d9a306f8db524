package org.servicequality.ledger.command.calendar;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The organisation's working days: statutory time limits ("reply within 3 working days") are counted on
 * this calendar, never on the wall clock. Immutable and thread-safe.
 *
 * <p>A make-up working day (a weekend day declared a working day to compensate for a bridged holiday) is
 * always a working day; any other day is a working day when it is neither a weekend day nor a holiday.
 */
public final class WorkingDayCalendar {

    /** Classpath location of the calendar used when the data directory holds none. */
    public static final String DEFAULT_RESOURCE = "calendars/cn-mainland-2025-2026.json";

    private static final Set<String> KNOWN_FIELDS = Set.of("name", "source", "weekend", "holidays", "makeUpWorkingDays");

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    private WorkingDayCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this.weekend = weekend;
        this.holidays = holidays;
        this.makeUpWorkingDays = makeUpWorkingDays;
    }

    /**
     * @throws IllegalArgumentException when every day of the week is a weekend day (no due date could ever be
     *                                  reached) or a date is listed both as a holiday and as a make-up working day
     */
    public static WorkingDayCalendar of(Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        Objects.requireNonNull(weekend, "weekend");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(makeUpWorkingDays, "makeUpWorkingDays");
        Set<DayOfWeek> weekendCopy = Set.copyOf(weekend);
        Set<LocalDate> holidaysCopy = Set.copyOf(holidays);
        Set<LocalDate> makeUpCopy = Set.copyOf(makeUpWorkingDays);
        // With a seven-day weekend the finite make-up list would run out and dueDate would never terminate.
        if (weekendCopy.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("A calendar needs at least one working day of the week; the weekend lists all seven days.");
        }
        Set<LocalDate> contradictory = new TreeSet<>(holidaysCopy);
        contradictory.retainAll(makeUpCopy);
        if (!contradictory.isEmpty()) {
            throw new IllegalArgumentException("Dates listed both as holiday and as make-up working day: " + contradictory);
        }
        return new WorkingDayCalendar(weekendCopy, holidaysCopy, makeUpCopy);
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The last day of a time limit of {@code workingDays} working days for something received on
     * {@code receivedOn}. The receipt day itself never counts, even when it is a working day: counting starts
     * at the first working day after it, and the limit runs to the end of the returned day.
     *
     * @throws IllegalArgumentException when {@code workingDays} is less than 1
     */
    public LocalDate dueDate(LocalDate receivedOn, int workingDays) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
        }
        LocalDate day = receivedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The instant a time limit of {@code workingDays} working days expires for something received at
     * {@code receivedAt}: the start of the day after {@link #dueDate}, both days taken in the organisation's
     * {@code zone} (a complaint received at 01:00 local time on Saturday was received on Saturday, whatever the
     * UTC date). This is the instant to schedule an overdue deadline at.
     */
    public Instant expiry(Instant receivedAt, int workingDays, ZoneId zone) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(zone, "zone");
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, zone);
        return dueDate(receivedOn, workingDays).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The latest year for which any holiday or make-up working day is listed; empty when none is. */
    public Optional<Integer> lastListedYear() {
        return java.util.stream.Stream.concat(holidays.stream(), makeUpWorkingDays.stream())
                .map(LocalDate::getYear)
                .max(Integer::compare);
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkingDays() {
        return makeUpWorkingDays;
    }

    /** Loads the calendar shipped with the application ({@link #DEFAULT_RESOURCE}). */
    public static WorkingDayCalendar loadDefault() {
        ClassLoader loader = WorkingDayCalendar.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Default working-day calendar missing from the classpath: " + DEFAULT_RESOURCE);
            }
            return fromJson(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Loads a calendar file.
     *
     * @throws InvalidCalendarException when the file cannot be read or does not describe a valid calendar
     */
    public static WorkingDayCalendar load(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in, file.toString());
        } catch (IOException e) {
            throw new InvalidCalendarException(file.toString(), "cannot be read (" + e + ")", e);
        }
    }

    /**
     * Parses the calendar JSON format: {@code {"name": ..., "source": ..., "weekend": ["SATURDAY", ...],
     * "holidays": ["2026-01-01", ...], "makeUpWorkingDays": ["2026-01-04", ...]}}. {@code name} and
     * {@code source} are optional documentation; the three lists are required (an empty list is fine) so that
     * a misspelt key cannot silently drop a whole list.
     *
     * @param origin names the input in error messages (a file path or resource)
     * @throws InvalidCalendarException on malformed JSON, missing or unknown fields, or invalid values
     */
    public static WorkingDayCalendar fromJson(InputStream json, String origin) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JacksonException e) {
            throw new InvalidCalendarException(origin, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidCalendarException(origin, "cannot be read (" + e + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCalendarException(origin, "must contain a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                throw new InvalidCalendarException(origin, "has unknown field '" + name + "' (expected " + KNOWN_FIELDS + ")");
            }
        }
        List<DayOfWeek> weekend = list(root, "weekend", origin, WorkingDayCalendar::dayOfWeek);
        List<LocalDate> holidays = list(root, "holidays", origin, LocalDate::parse);
        List<LocalDate> makeUp = list(root, "makeUpWorkingDays", origin, LocalDate::parse);
        Set<DayOfWeek> weekendDays = weekend.isEmpty() ? Set.of() : EnumSet.copyOf(weekend);
        try {
            return of(weekendDays, new HashSet<>(holidays), new HashSet<>(makeUp));
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarException(origin, "is inconsistent: " + e.getMessage(), e);
        }
    }

    private static DayOfWeek dayOfWeek(String text) {
        return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static <T> List<T> list(JsonNode root, String field, String origin, Function<String, T> parse) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidCalendarException(origin, "lacks the required list '" + field + "'");
        }
        if (!node.isArray()) {
            throw new InvalidCalendarException(origin, "field '" + field + "' must be a list");
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw new InvalidCalendarException(origin, field + "[" + i + "] must be a string, was " + element);
            }
            try {
                values.add(parse.apply(element.asText()));
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new InvalidCalendarException(origin, field + "[" + i + "] '" + element.asText() + "' is not "
                        + ("weekend".equals(field) ? "a day of the week (MONDAY..SUNDAY)" : "an ISO date (yyyy-MM-dd)"), e);
            }
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDayCalendar that
                && weekend.equals(that.weekend)
                && holidays.equals(that.holidays)
                && makeUpWorkingDays.equals(that.makeUpWorkingDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekend, holidays, makeUpWorkingDays);
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[weekend=" + new TreeSet<>(weekend) + ", " + holidays.size() + " holidays, "
                + makeUpWorkingDays.size() + " make-up working days]";
    }

    /** A calendar file or resource that cannot be used; the message names it and says what is wrong. */
    public static final class InvalidCalendarException extends IllegalArgumentException {

        private final String origin;

        InvalidCalendarException(String origin, String problem) {
            super("Working-day calendar " + origin + " " + problem);
            this.origin = origin;
        }

        InvalidCalendarException(String origin, String problem, Throwable cause) {
            super("Working-day calendar " + origin + " " + problem, cause);
            this.origin = origin;
        }

        public String origin() {
            return origin;
        }
    }
}
