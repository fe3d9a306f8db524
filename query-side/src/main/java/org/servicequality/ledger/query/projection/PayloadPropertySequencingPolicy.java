package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sequences events by one component of their payload record (for example {@code departmentId}), so every event that
 * updates the same read-model document is handled by the same segment, in order; events without that component are
 * sequenced per aggregate. Axon's own property policy needs one payload class; the published events are many records.
 */
final class PayloadPropertySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final String component;
    private final ClassValue<Optional<Method>> accessors = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? Optional.empty() : Arrays.stream(components)
                    .filter(c -> c.getName().equals(component))
                    .map(RecordComponent::getAccessor)
                    .findFirst();
        }
    };

    PayloadPropertySequencingPolicy(String component) {
        this.component = component;
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
                throw new IllegalStateException("Cannot read " + component + " of " + event.getPayloadType().getName(), e);
            }
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
