package org.servicequality.ledger.command.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.BiFunction;

/** {@code ledger.events.appended{type}}: events stored, by event type, counted when their unit of work commits. */
@Configuration(proxyBeanMethods = false)
class AppendedEventsMetricConfiguration {

    @Bean
    InitializingBean countAppendedEvents(EventStore eventStore, MeterRegistry registry) {
        // On the store itself: events applied by aggregates never pass the event gateway's interceptors.
        return () -> eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                List<String> types = messages.stream().map(message -> message.getPayloadType().getSimpleName()).toList();
                Runnable count = () -> types.forEach(type -> Counter.builder("ledger.events.appended")
                        .description("Events appended to the event store, by event type")
                        .tag("type", type).register(registry).increment());
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(committed -> count.run());
                } else {
                    count.run();
                }
                return (index, message) -> message;
            }
        });
    }
}
