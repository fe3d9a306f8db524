package org.servicequality.ledger.command.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

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
class CalendarConfiguration {

    static final String CALENDAR_FILE_NAME = "calendar.json";

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${ledger.calendar.file:}") String configuredFile,
                                          @Value("${ledger.data-dir:./data}") Path dataDirectory) {
        if (!configuredFile.isBlank()) {
            Path file = Path.of(configuredFile).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new WorkingDayCalendar.InvalidCalendarException(file.toString(),
                        "configured with ledger.calendar.file does not exist or is not a file");
            }
            return loaded(WorkingDayCalendar.load(file), file.toString());
        }
        Path inDataDirectory = dataDirectory.resolve(CALENDAR_FILE_NAME).toAbsolutePath().normalize();
        if (Files.exists(inDataDirectory)) {
            return loaded(WorkingDayCalendar.load(inDataDirectory), inDataDirectory.toString());
        }
        return loaded(WorkingDayCalendar.loadDefault(), "classpath:" + WorkingDayCalendar.DEFAULT_RESOURCE
                + " (the default; no " + inDataDirectory + ")");
    }

    private static WorkingDayCalendar loaded(WorkingDayCalendar calendar, String origin) {
        log.info("Working-day calendar loaded from {}: {}", origin, calendar);
        return calendar;
    }

    @Bean
    ZoneId organisationZone(@Value("${ledger.time-zone:Asia/Shanghai}") String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("ledger.time-zone '" + zone + "' is not a time-zone id such as Asia/Shanghai or UTC", e);
        }
    }
}
