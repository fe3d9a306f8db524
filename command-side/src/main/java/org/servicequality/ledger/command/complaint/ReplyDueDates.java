package org.servicequality.ledger.command.complaint;

import org.servicequality.ledger.command.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the reply to a complaint is due: {@code workingDays} working days after the day of receipt, in
 * the organisation's calendar and time zone. The reply is on time until the end of the due day, so it
 * becomes overdue at the start of the next calendar day.
 */
final class ReplyDueDates {

    /** The programme's norm is 1 to 3 working days; more than 30 is taken for a configuration mistake. */
    static final int MAX_WORKING_DAYS = 30;

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final int workingDays;

    ReplyDueDates(WorkingDayCalendar calendar, ZoneId zone, int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("ledger.complaints.reply-within-working-days must be between 1 and "
                    + MAX_WORKING_DAYS + ", was " + workingDays);
        }
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.workingDays = workingDays;
    }

    ReplyDue dueFor(Instant receivedAt) {
        LocalDate dueOn = calendar.dueDate(LocalDate.ofInstant(receivedAt, zone), workingDays);
        return new ReplyDue(dueOn, calendar.expiry(receivedAt, workingDays, zone));
    }

    /**
     * @param dueOn the last day on which a reply is on time
     * @param dueBy the first instant at which it is late
     */
    record ReplyDue(LocalDate dueOn, Instant dueBy) {
    }
}
