package org.servicequality.ledger.command.complaint;

import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintConfiguration {

    /** Resolved by type as a parameter of the complaint's command handlers. */
    @Bean
    ReplyDueDates replyDueDates(WorkingDayCalendar calendar, ZoneId organisationZone, ComplaintProperties properties) {
        return new ReplyDueDates(calendar, organisationZone, properties.replyWithinWorkingDays());
    }
}
