package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which event processors are stuck: a processor's batch failed and no batch of that processor has committed since.
 * A pooled processor drops a failed segment's status while it waits to retry, so Axon's own processing status
 * cannot say this; the error handlers and a handler interceptor report here instead.
 */
final class ProcessorStalls {

    /** What keeps failing, how often, since when. {@code eventId} is null when the batch failed outside a handler. */
    record Stall(String error, String eventId, String eventType, String aggregateId, Long sequence,
                 Instant since, int attempts) {
    }

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    ProcessorStalls(Clock clock) {
        this.clock = clock;
    }

    Stall failed(ErrorContext context) {
        EventHandlingFailure failure = EventHandlingFailure.in(context.error());
        String error = String.valueOf(failure != null && failure.getCause() != null ? failure.getCause() : context.error());
        EventMessage<?> first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        return stalls.merge(context.eventProcessor(),
                failure != null
                        ? new Stall(error, failure.eventId(), failure.eventType(), failure.aggregateId(), failure.sequence(), clock.instant(), 1)
                        : new Stall(error, null, first == null ? null : first.getPayloadType().getSimpleName(), null, null, clock.instant(), 1),
                (previous, next) -> Objects.equals(previous.eventId(), next.eventId())
                        ? new Stall(next.error(), next.eventId(), next.eventType(), next.aggregateId(), next.sequence(),
                                previous.since(), previous.attempts() + 1)
                        : next);
    }

    void committed(String processor) {
        stalls.remove(processor);
    }

    Optional<Stall> of(String processor) {
        return Optional.ofNullable(stalls.get(processor));
    }
}
