package org.servicequality.ledger.command;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/**
 * The organisation's time zone, for rules that turn calendar dates into instants (a rectification is due
 * at the end of its due date there) and instants into periods. Command handlers take it as a resource.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationZoneConfiguration {

    @Bean
    ZoneId organisationZone(@Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        return zone;
    }
}
