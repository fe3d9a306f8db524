package org.servicequality.ledger.command.award;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff conduct record must be current when an award is decided, so its handlers subscribe: they run in
 * the thread and transaction that append the events instead of trailing behind in a tracking processor.
 */
@Configuration(proxyBeanMethods = false)
class StaffConductProcessingConfiguration {

    static final String PROCESSING_GROUP = "staff-conduct";

    @Bean
    ConfigurerModule staffConductSubscribingProcessor() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(PROCESSING_GROUP));
    }
}
