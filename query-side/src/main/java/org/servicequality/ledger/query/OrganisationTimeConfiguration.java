package org.servicequality.ledger.query;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** "This month" and every period boundary on the read side follow the organisation's own time zone. */
@Configuration(proxyBeanMethods = false)
class OrganisationTimeConfiguration {

    @Bean
    Clock organisationClock(@Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
