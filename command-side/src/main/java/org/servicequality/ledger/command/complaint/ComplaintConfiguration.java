package org.servicequality.ledger.command.complaint;

import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ComplaintConfiguration {

    /** Resolved by type as a parameter of the complaint's command handlers. */
    @Bean
    ReplyDueDates replyDueDates(WorkingDayCalendar calendar, ZoneId organisationZone,
                                @Value("${ledger.complaints.reply-within-working-days:3}") int workingDays) {
        return new ReplyDueDates(calendar, organisationZone, workingDays);
    }
}
