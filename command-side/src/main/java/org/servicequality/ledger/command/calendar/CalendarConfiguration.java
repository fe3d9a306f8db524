package org.servicequality.ledger.command.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The organisation's calendar and time zone. Statutory time limits are counted in working days of the
 * organisation's own calendar and end at midnight in its own zone, whatever zone the server runs in.
 *
 * <p>Calendar lookup, first match wins: {@code ledger.calendar.file} when set (it must then exist);
 * {@code <ledger.data-dir>/calendar.json} when present; the shipped default
 * {@link WorkingDayCalendar#DEFAULT_RESOURCE}. An unreadable or invalid file stops the start-up instead of
 * silently falling back, since due dates computed on the wrong calendar would be wrong without anyone noticing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrganisationCalendarProperties.class)
class CalendarConfiguration {

    static final String CALENDAR_FILE_NAME = "calendar.json";

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(OrganisationCalendarProperties properties, ZoneId organisationZone) {
        LocalDate today = LocalDate.now(organisationZone);
        Path dataDirectory = properties.dataDir();
        if (properties.calendar().file() != null) {
            Path file = properties.calendar().file().toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new WorkingDayCalendar.InvalidCalendarException(file.toString(),
                        "configured with ledger.calendar.file does not exist or is not a file");
            }
            return loaded(WorkingDayCalendar.load(file), file.toString(), today);
        }
        Path inDataDirectory = dataDirectory.resolve(CALENDAR_FILE_NAME).toAbsolutePath().normalize();
        if (Files.exists(inDataDirectory)) {
            return loaded(WorkingDayCalendar.load(inDataDirectory), inDataDirectory.toString(), today);
        }
        return loaded(WorkingDayCalendar.loadDefault(), "classpath:" + WorkingDayCalendar.DEFAULT_RESOURCE
                + " (the default; no " + inDataDirectory + ")", today);
    }

    private static WorkingDayCalendar loaded(WorkingDayCalendar calendar, String origin, LocalDate today) {
        log.info("Working-day calendar loaded from {}: {}", origin, calendar);
        coverageWarning(calendar, today).ifPresent(warning -> log.warn("{} ({})", warning, origin));
        return calendar;
    }

    /**
     * Holidays are announced a year at a time (mainland China: each November). A calendar without the current
     * year's dates still runs, but counts that year's holidays as working days, so say so loudly.
     */
    static Optional<String> coverageWarning(WorkingDayCalendar calendar, LocalDate today) {
        int lastYear = calendar.lastListedYear().orElse(Integer.MIN_VALUE);
        if (lastYear >= today.getYear()) {
            return Optional.empty();
        }
        return Optional.of("The working-day calendar lists no holidays or make-up working days for " + today.getYear()
                + (lastYear == Integer.MIN_VALUE ? "" : " (its last listed year is " + lastYear + ")")
                + ": due dates this year count every weekday as a working day. Add this year's dates to the calendar file.");
    }

    @Bean
    ZoneId organisationZone(OrganisationCalendarProperties properties) {
        return properties.timeZone();
    }
}
