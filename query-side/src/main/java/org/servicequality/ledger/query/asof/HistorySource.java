package org.servicequality.ledger.query.asof;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The stored events in the store's global order, each a {@link TrackedEventMessage} with its real tracking token, so an
 * as-of read side is fed what a processor is fed and can resume from a snapshot's position.
 */
@FunctionalInterface
interface HistorySource {

    /** The events after {@code position} (all of them when {@code null}) up to what is stored now; close the stream. */
    Stream<? extends TrackedEventMessage<?>> after(TrackingToken position);

    /** Straight from the storage engine, in its pages, without the event store's shared producer. */
    static HistorySource of(EventStorageEngine engine) {
        return position -> engine.readEvents(position, false);
    }

    /** For an event store without a storage engine of its own in the context (Axon Server): its stream until it waits. */
    static HistorySource of(EventStore store) {
        return position -> {
            BlockingStream<TrackedEventMessage<?>> stream = store.openStream(position);
            Spliterator<TrackedEventMessage<?>> untilHead = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                    if (!stream.hasNextAvailable()) {
                        return false;
                    }
                    try {
                        action.accept(stream.nextAvailable());
                        return true;
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while reading the event store", interrupted);
                    }
                }
            };
            return StreamSupport.stream(untilHead, false).onClose(stream::close);
        };
    }
}
