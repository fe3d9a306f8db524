package org.servicequality.ledger.query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** "This month" and every period boundary on the read side follow the organisation's own time zone. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrganisationTimeProperties.class)
class OrganisationTimeConfiguration {

    @Bean
    Clock organisationClock(OrganisationTimeProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
