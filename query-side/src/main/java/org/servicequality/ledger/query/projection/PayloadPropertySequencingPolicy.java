package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sequences events by a component of their payload record (for example {@code departmentId}), so every event that
 * updates the same read-model document is handled by the same segment, in order. Given several components, the first
 * one the payload has decides; events with none of them are sequenced per aggregate. Axon's own property policy needs
 * one payload class; the published events are many records.
 */
final class PayloadPropertySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final List<String> components;
    private final ClassValue<Optional<Method>> accessors = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] recordComponents = type.getRecordComponents();
            if (recordComponents == null) {
                return Optional.empty();
            }
            return components.stream()
                    .flatMap(name -> Arrays.stream(recordComponents).filter(c -> c.getName().equals(name)))
                    .map(RecordComponent::getAccessor)
                    .findFirst();
        }
    };

    PayloadPropertySequencingPolicy(String... components) {
        this.components = List.of(components);
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Optional<Method> accessor = accessors.get(event.getPayloadType());
        if (accessor.isPresent()) {
            try {
                Object key = accessor.get().invoke(event.getPayload());
                if (key != null) {
                    return key;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + accessor.get().getName() + " of " + event.getPayloadType().getName(), e);
            }
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
