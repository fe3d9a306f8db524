package org.servicequality.ledger.command.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Tamper evidence: every event appended is chained (on any event store); on a JDBC event store also the verifier,
 * histories, exports and periodic checkpoints, which read the store's table directly. With Axon Server as the event
 * store these are absent: Axon Server keeps its own storage checks.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Aggregates whose last chain link is kept (about 200 bytes each): far more than are worked on at once. */
    private static final int RECENT_AGGREGATES = 50_000;

    @Bean
    InitializingBean eventChainingOnTheEventStore(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        // Registered on the store itself: events applied by aggregates never pass the event gateway's interceptors.
        return () -> eventStore.registerDispatchInterceptor(new EventChaining(eventSerializer, eventStore,
                new CommittedLinks(RECENT_AGGREGATES)));
    }
}
