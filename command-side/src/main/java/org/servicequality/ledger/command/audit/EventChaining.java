package org.servicequality.ledger.command.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Stamps every event appended to the event store with its link in the tamper-evidence chain
 * ({@link EventChain#HASH_KEY} in its metadata). It runs when the unit of work stores its events, so it sees
 * the final metadata, and it serializes the payload with the event store's own serializer, so the hash
 * covers exactly the bytes that are stored.
 */
public final class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String LAST_HASHES = EventChaining.class.getName() + ".lastHashes";

    private final Serializer eventSerializer;
    private final EventStore eventStore;

    public EventChaining(Serializer eventSerializer, EventStore eventStore) {
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHashes = lastHashesOfThisUnitOfWork();
        List<EventMessage<?>> chained = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            chained.add(chain(message, lastHashes));
        }
        return (index, message) -> chained.get(index);
    }

    private EventMessage<?> chain(EventMessage<?> message, Map<String, String> lastHashes) {
        MetaData metaData = message.getMetaData().withoutKeys(Set.of(EventChain.HASH_KEY));
        String aggregateIdentifier;
        long sequenceNumber;
        String aggregateType;
        if (message instanceof DomainEventMessage<?> domainEvent) {
            aggregateIdentifier = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
            aggregateType = domainEvent.getType();
        } else {
            // The JDBC store keeps an event outside any aggregate under its own id, as sequence 0 of a stream of one.
            aggregateIdentifier = message.getIdentifier();
            sequenceNumber = 0;
            aggregateType = null;
        }
        String previousHash = sequenceNumber == 0 ? EventChain.GENESIS
                : lastHashes.computeIfAbsent(aggregateIdentifier, id -> storedHashOf(id, sequenceNumber - 1));
        SerializedObject<byte[]> payload = eventSerializer.serialize(message.getPayload(), byte[].class);
        byte[] serializedMetaData = eventSerializer.serialize(metaData, byte[].class).getData();
        String hash = EventChain.hash(previousHash, new EventChain.StoredEvent(message.getIdentifier(), aggregateIdentifier,
                sequenceNumber, aggregateType, DateTimeUtils.formatInstant(message.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), serializedMetaData));
        lastHashes.put(aggregateIdentifier, hash);
        return message.withMetaData(metaData.and(EventChain.HASH_KEY, hash));
    }

    private String storedHashOf(String aggregateIdentifier, long sequenceNumber) {
        DomainEventStream stream = eventStore.readEvents(aggregateIdentifier, sequenceNumber);
        if (!stream.hasNext()) {
            throw new IllegalStateException("Event " + sequenceNumber + " of " + aggregateIdentifier
                    + " is missing from the event store; the tamper-evidence chain cannot be continued.");
        }
        Object hash = stream.next().getMetaData().get(EventChain.HASH_KEY);
        if (hash == null) {
            throw new IllegalStateException("Event " + sequenceNumber + " of " + aggregateIdentifier + " carries no chain hash.");
        }
        return hash.toString();
    }

    /** Events of one aggregate may be stored in several rounds within a unit of work; the chain spans them. */
    private static Map<String, String> lastHashesOfThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(LAST_HASHES, key -> new HashMap<>());
    }
}
