package org.servicequality.ledger.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicequality.ledger.command.calendar.WorkingDayCalendar.InvalidCalendarException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CN = WorkingDayCalendar.loadDefault();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // The two worked examples of /work/shared/calendars/README.md.

    @Test
    void readmeExampleMidAutumnMakeUpSunday() {
        assertThat(CN.dueDate(d("2026-09-18"), 3)).isEqualTo(d("2026-09-22"));
    }

    @Test
    void readmeExampleSpringFestival() {
        assertThat(CN.dueDate(d("2026-02-13"), 3)).isEqualTo(d("2026-02-25"));
    }

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
            "2026-02-14, true",   // Saturday, make-up working day
            "2026-02-28, true",   // Saturday, make-up working day
            "2026-09-20, true",   // Sunday, make-up working day
            "2026-02-16, false",  // Monday, Spring Festival
            "2026-10-01, false",  // Thursday, National Day
            "2025-01-01, false",  // Wednesday, New Year
            "2026-03-07, false",  // ordinary Saturday
            "2026-03-08, false",  // ordinary Sunday
            "2026-03-09, true",   // ordinary Monday
            "2026-03-13, true",   // ordinary Friday
    })
    void classifiesDays(LocalDate day, boolean working) {
        assertThat(CN.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void theReceiptDayNeverCountsEvenWhenItIsAWorkingDay() {
        // Monday 2026-03-09 is a working day; one working day from it is Tuesday.
        assertThat(CN.dueDate(d("2026-03-09"), 1)).isEqualTo(d("2026-03-10"));
        // Sunday 2026-09-20 is a make-up working day, but receipt on it still counts from the next day.
        assertThat(CN.dueDate(d("2026-09-20"), 1)).isEqualTo(d("2026-09-21"));
    }

    @Test
    void skipsAnOrdinaryWeekend() {
        // Friday 2026-07-03: Saturday and Sunday do not count.
        assertThat(CN.dueDate(d("2026-07-03"), 1)).isEqualTo(d("2026-07-06"));
        assertThat(CN.dueDate(d("2026-07-03"), 5)).isEqualTo(d("2026-07-10"));
    }

    @Test
    void skipsAWholeHolidayWeekAndCountsTheMakeUpSaturdayAfterIt() {
        // Wednesday 2026-09-30: National Day 10-01..10-07, then Thu 10-08, Fri 10-09, Sat 10-10 (make-up).
        assertThat(CN.dueDate(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(CN.dueDate(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(CN.dueDate(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
    }

    @Test
    void receiptOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
        assertThat(CN.dueDate(d("2026-02-17"), 1)).isEqualTo(d("2026-02-24"));
    }

    @Test
    void spansTheYearBoundary() {
        // Wednesday 2025-12-31: New Year 01-01..01-03, Sunday 01-04 (make-up), Mon 01-05, Tue 01-06.
        assertThat(CN.dueDate(d("2025-12-31"), 3)).isEqualTo(d("2026-01-06"));
    }

    @Test
    void honoursACustomWeekend() {
        WorkingDayCalendar fridaySaturday = WorkingDayCalendar.of(Set.of(FRIDAY, SATURDAY), Set.of(), Set.of());
        assertThat(fridaySaturday.isWorkingDay(d("2026-07-05"))).isTrue();   // Sunday
        assertThat(fridaySaturday.isWorkingDay(d("2026-07-03"))).isFalse();  // Friday
        // Thursday 2026-07-02: Friday and Saturday skipped.
        assertThat(fridaySaturday.dueDate(d("2026-07-02"), 1)).isEqualTo(d("2026-07-05"));
    }

    @Test
    void aMakeUpDayOverridesTheWeekendAndAHolidayOverridesAWeekday() {
        WorkingDayCalendar calendar = WorkingDayCalendar.of(Set.of(SATURDAY, SUNDAY),
                Set.of(d("2030-01-07")), Set.of(d("2030-01-05")));
        assertThat(calendar.isWorkingDay(d("2030-01-05"))).isTrue();   // Saturday made up
        assertThat(calendar.isWorkingDay(d("2030-01-06"))).isFalse();  // Sunday
        assertThat(calendar.isWorkingDay(d("2030-01-07"))).isFalse();  // Monday holiday
        // Friday 2030-01-04: Sat (make-up) 1, Sun no, Mon holiday, Tue 2.
        assertThat(calendar.dueDate(d("2030-01-04"), 2)).isEqualTo(d("2030-01-08"));
    }

    @Test
    void expiresAtTheStartOfTheDayAfterTheDueDateInTheOrganisationsZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // 09:30 on Friday 2026-09-18 in Shanghai: due by the end of Tuesday 09-22, expired at Wednesday 00:00 +08:00.
        assertThat(CN.expiry(Instant.parse("2026-09-18T01:30:00Z"), 3, shanghai))
                .isEqualTo(Instant.parse("2026-09-22T16:00:00Z"));
    }

    @Test
    void theReceiptDayIsTheLocalDateNotTheUtcDate() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // 17:00 UTC on Friday 02-13 is 01:00 on Saturday 02-14 (a make-up working day) in Shanghai, so counting
        // starts on 02-15: Spring Festival to 02-23, then 02-24, 02-25, 02-26.
        assertThat(CN.expiry(Instant.parse("2026-02-13T17:00:00Z"), 3, shanghai))
                .isEqualTo(Instant.parse("2026-02-26T16:00:00Z"));
        // The same instant counted in UTC is received on Friday 02-13: due 02-25 (the README example).
        assertThat(CN.expiry(Instant.parse("2026-02-13T17:00:00Z"), 3, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-02-26T00:00:00Z"));
    }

    @Test
    void knowsTheLastYearItListsDatesFor() {
        assertThat(CN.lastListedYear()).contains(2026);
        assertThat(WorkingDayCalendar.of(Set.of(SATURDAY), Set.of(), Set.of()).lastListedYear()).isEmpty();
    }

    @Test
    void isImmutable() {
        Set<LocalDate> holidays = new HashSet<>(Set.of(d("2030-01-07")));
        WorkingDayCalendar calendar = WorkingDayCalendar.of(Set.of(SATURDAY, SUNDAY), holidays, Set.of());
        holidays.add(d("2030-01-08"));
        assertThat(calendar.isWorkingDay(d("2030-01-08"))).isTrue();
        assertThatThrownBy(() -> calendar.holidays().add(d("2030-01-09"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesFewerThanOneWorkingDay() {
        assertThatThrownBy(() -> CN.dueDate(d("2026-03-09"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workingDays");
        assertThatThrownBy(() -> CN.dueDate(d("2026-03-09"), -3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> CN.dueDate(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CN.isWorkingDay(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> WorkingDayCalendar.of(null, Set.of(), Set.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesACalendarWithoutAnyWorkingWeekday() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(Set.of(DayOfWeek.values()), Set.of(), Set.of(d("2030-01-05"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seven");
    }

    @Test
    void refusesADateThatIsBothHolidayAndMakeUpDay() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(Set.of(SATURDAY, SUNDAY), Set.of(d("2030-01-05")), Set.of(d("2030-01-05"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030-01-05");
    }

    @Test
    void theShippedResourceIsTheSharedCalendarFile() throws Exception {
        Path shared = Path.of("/work/shared/calendars/cn-mainland-2025-2026.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "shared calendar not on this machine");
        assertThat(WorkingDayCalendar.load(shared)).isEqualTo(CN);
    }

    @Test
    void theDefaultCalendarHoldsTheNoticesDates() {
        assertThat(CN.weekend()).containsExactlyInAnyOrder(SATURDAY, SUNDAY);
        assertThat(CN.holidays()).hasSize(61).contains(d("2025-01-28"), d("2026-10-07"));
        assertThat(CN.makeUpWorkingDays()).hasSize(11).contains(d("2025-01-26"), d("2026-10-10"));
    }

    @Test
    void loadsAFileAndAcceptsLowerCaseDayNamesAndEmptyLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, """
                {"weekend": ["friday"], "holidays": [], "makeUpWorkingDays": []}
                """);
        assertThat(WorkingDayCalendar.load(file)).isEqualTo(WorkingDayCalendar.of(Set.of(FRIDAY), Set.of(), Set.of()));
    }

    @Test
    void refusesAMissingFileNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> WorkingDayCalendar.load(missing)).isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON       | {\"weekend\": [                                                              | not valid JSON",
            "not an object        | [1, 2]                                                                      | must contain a JSON object",
            "missing list         | {\"weekend\": [\"SATURDAY\"], \"holidays\": []}                              | lacks the required list 'makeUpWorkingDays'",
            "misspelt key         | {\"weekend\": [], \"holidays\": [], \"makeupWorkingDays\": []}               | unknown field 'makeupWorkingDays'",
            "list is a string     | {\"weekend\": \"SATURDAY\", \"holidays\": [], \"makeUpWorkingDays\": []}       | field 'weekend' must be a list",
            "unknown day          | {\"weekend\": [\"SAT\"], \"holidays\": [], \"makeUpWorkingDays\": []}          | weekend[0] 'SAT' is not a day of the week",
            "impossible date      | {\"weekend\": [], \"holidays\": [\"2026-02-30\"], \"makeUpWorkingDays\": []}   | holidays[0] '2026-02-30' is not an ISO date",
            "non-ISO date         | {\"weekend\": [], \"holidays\": [], \"makeUpWorkingDays\": [\"2026/01/04\"]}   | makeUpWorkingDays[0] '2026/01/04' is not an ISO date",
            "number as date       | {\"weekend\": [], \"holidays\": [20260101], \"makeUpWorkingDays\": []}       | holidays[0] must be a string",
            "contradictory date   | {\"weekend\": [], \"holidays\": [\"2026-01-04\"], \"makeUpWorkingDays\": [\"2026-01-04\"]} | is inconsistent",
    })
    void refusesInvalidJsonWithAClearMessage(String title, String json, String expected) {
        assertThatThrownBy(() -> WorkingDayCalendar.fromJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageStartingWith("Working-day calendar test.json ")
                .hasMessageContaining(expected);
    }
}
