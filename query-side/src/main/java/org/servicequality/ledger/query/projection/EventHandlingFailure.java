package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * A handler failed on this event. Carries the event's identity up to the processor's error handler, which knows the
 * processor's name but sees only the whole batch.
 */
final class EventHandlingFailure extends RuntimeException {

    private final String eventId;
    private final String eventType;
    private final String aggregateId;
    private final Long sequence;

    EventHandlingFailure(EventMessage<?> event, Class<?> handler, Exception cause) {
        super("event " + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName() + ") failed in "
                + handler.getSimpleName() + ": " + cause, cause);
        this.eventId = event.getIdentifier();
        this.eventType = event.getPayloadType().getSimpleName();
        this.aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        this.sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String aggregateId() {
        return aggregateId;
    }

    Long sequence() {
        return sequence;
    }

    static EventHandlingFailure in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EventHandlingFailure failure) {
                return failure;
            }
        }
        return null;
    }
}
