package org.servicequality.ledger.command.http;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Every event carries who caused it ({@code actor}), through which client ({@code clientChannel}), the
 * request it belongs to ({@code correlationId}) and the command that caused it ({@code causationId}).
 */
@Configuration(proxyBeanMethods = false)
class CommandMetadataConfiguration {

    /** Axon's Spring configuration registers dispatch interceptor beans with the command bus. */
    @Bean
    RequestMetadata requestMetadataOnCommands() {
        return new RequestMetadata();
    }

    /** Registered with the command bus by Axon's Spring configuration, like every handler interceptor bean. */
    @Bean
    CommandLoggingContext commandLoggingContext() {
        return new CommandLoggingContext();
    }

    @Bean
    CorrelationDataProvider requestMetadataOnEvents() {
        return new SimpleCorrelationDataProvider(RequestMetadata.ACTOR, RequestMetadata.CLIENT_CHANNEL);
    }

    /** Correlation: the request's id when there is one, else the causing message's own; causation: the causing message. */
    @Bean
    CorrelationDataProvider correlationAndCausation() {
        return message -> Map.of(
                RequestMetadata.CORRELATION_ID, message.getMetaData().getOrDefault(RequestMetadata.CORRELATION_ID, message.getIdentifier()),
                RequestMetadata.CAUSATION_ID, message.getIdentifier());
    }
}
