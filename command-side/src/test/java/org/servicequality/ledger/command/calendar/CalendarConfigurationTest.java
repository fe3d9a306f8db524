package org.servicequality.ledger.command.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarConfigurationTest {

    private static final String FRIDAY_WEEKEND = """
            {"name": "test", "weekend": ["FRIDAY"], "holidays": ["2030-01-01"], "makeUpWorkingDays": []}
            """;

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class);

    private ApplicationContextRunner withDataDir() {
        return runner.withPropertyValues("ledger.data-dir=" + dataDir);
    }

    @Test
    void usesTheShippedDefaultWhenTheDataDirectoryHasNoCalendar() {
        withDataDir().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WorkingDayCalendar.class)).isEqualTo(WorkingDayCalendar.loadDefault());
        });
    }

    @Test
    void prefersTheCalendarFileInTheDataDirectory() throws Exception {
        Files.writeString(dataDir.resolve("calendar.json"), FRIDAY_WEEKEND);
        withDataDir().run(context -> assertThat(context.getBean(WorkingDayCalendar.class))
                .isEqualTo(WorkingDayCalendar.of(Set.of(DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2030-01-01")), Set.of())));
    }

    @Test
    void aConfiguredFileWinsOverTheDataDirectory(@TempDir Path elsewhere) throws Exception {
        Files.writeString(dataDir.resolve("calendar.json"), "{ broken");
        Path file = elsewhere.resolve("organisation.json");
        Files.writeString(file, FRIDAY_WEEKEND);
        withDataDir().withPropertyValues("ledger.calendar.file=" + file)
                .run(context -> assertThat(context.getBean(WorkingDayCalendar.class).weekend()).containsExactly(DayOfWeek.FRIDAY));
    }

    @Test
    void aBrokenCalendarFileFailsTheStartUpNamingTheFileAndTheProblem() throws Exception {
        Path file = dataDir.resolve("calendar.json");
        Files.writeString(file, """
                {"weekend": ["SATURDAY"], "holidays": ["2030-02-30"], "makeUpWorkingDays": []}
                """);
        withDataDir().run(context -> {
            assertThat(context).hasFailed();
            assertThat(invalidCalendarIn(context.getStartupFailure()))
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("holidays[0] '2030-02-30'");
        });
    }

    @Test
    void aConfiguredFileThatDoesNotExistFailsTheStartUp() {
        Path missing = dataDir.resolve("missing.json");
        withDataDir().withPropertyValues("ledger.calendar.file=" + missing).run(context -> {
            assertThat(context).hasFailed();
            assertThat(invalidCalendarIn(context.getStartupFailure()))
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("ledger.calendar.file");
        });
    }

    private static Throwable invalidCalendarIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WorkingDayCalendar.InvalidCalendarException) {
                return t;
            }
        }
        throw new AssertionError("no InvalidCalendarException in the start-up failure", failure);
    }

    @Test
    void theFailureAnalyzerExplainsABrokenCalendar() {
        var broken = new WorkingDayCalendar.InvalidCalendarException("/data/calendar.json", "is not valid JSON: oops");
        FailureAnalysis analysis = new InvalidCalendarFailureAnalyzer()
                .analyze(new BeanCreationException("workingDayCalendar", "failed", broken));
        assertThat(analysis.getDescription()).isEqualTo("Working-day calendar /data/calendar.json is not valid JSON: oops.");
        assertThat(analysis.getAction()).contains("Correct /data/calendar.json");
    }

    @Test
    void warnsWhenTheCalendarListsNothingForTheCurrentYear() {
        WorkingDayCalendar cn = WorkingDayCalendar.loadDefault();
        assertThat(CalendarConfiguration.coverageWarning(cn, LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(CalendarConfiguration.coverageWarning(cn, LocalDate.parse("2027-01-01"))).hasValueSatisfying(warning ->
                assertThat(warning).contains("no holidays or make-up working days for 2027").contains("last listed year is 2026"));
        assertThat(CalendarConfiguration.coverageWarning(WorkingDayCalendar.of(Set.of(), Set.of(), Set.of()), LocalDate.parse("2027-01-01")))
                .hasValueSatisfying(warning -> assertThat(warning).doesNotContain("last listed"));
    }

    @Test
    void theOrganisationZoneDefaultsToShanghai() {
        withDataDir().run(context ->
                assertThat(context.getBean("organisationZone", ZoneId.class)).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theOrganisationZoneIsConfigurable() {
        withDataDir().withPropertyValues("ledger.time-zone=Europe/Berlin").run(context ->
                assertThat(context.getBean("organisationZone", ZoneId.class)).isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void anUnknownZoneFailsTheStartUp() {
        withDataDir().withPropertyValues("ledger.time-zone=Mars/Olympus").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("ledger.time-zone").hasStackTraceContaining("Mars/Olympus");
        });
    }
}
