package org.servicequality.ledger.command.calendar;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The organisation's time zone and working-day calendar.
 *
 * @param timeZone the organisation's time zone: working days, due dates and periods follow it, whatever zone the server runs in
 * @param dataDir  the data directory; a {@code calendar.json} in it replaces the shipped calendar
 * @param calendar the working-day calendar file
 */
@ConfigurationProperties("ledger")
@Validated
record OrganisationCalendarProperties(@NotNull @DefaultValue("Asia/Shanghai") ZoneId timeZone,
                                      @NotNull @DefaultValue("./data") Path dataDir,
                                      @NotNull @DefaultValue CalendarFile calendar) {

    /**
     * @param file a working-day calendar (JSON, see docs/domain.md); it must exist when set. Unset: {@code <data-dir>/calendar.json}
     *             when present, else the shipped mainland-China calendar
     */
    record CalendarFile(Path file) {
    }
}
