package org.servicequality.ledger.command.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 *
 * <p>The previous link of an aggregate's next event comes from {@link CommittedLinks}, the links of events this
 * process saw committed, when it holds exactly the previous sequence number; otherwise (first command on the
 * aggregate since start, an entry pushed out, another process appended meanwhile) from the store.
 */
public final class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String LINKS_OF_THIS_UNIT_OF_WORK = EventChaining.class.getName() + ".links";

    private final Serializer eventSerializer;
    private final EventStore eventStore;
    private final CommittedLinks committed;

    EventChaining(Serializer eventSerializer, EventStore eventStore, CommittedLinks committed) {
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
        this.committed = committed;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, CommittedLinks.Link> links = linksOfThisUnitOfWork();
        List<EventMessage<?>> chained = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            chained.add(chain(message, links));
        }
        return (index, message) -> chained.get(index);
    }

    private EventMessage<?> chain(EventMessage<?> message, Map<String, CommittedLinks.Link> links) {
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
        String previousHash = sequenceNumber == 0 ? EventChain.GENESIS : previousHash(aggregateIdentifier, sequenceNumber, links);
        SerializedObject<byte[]> payload = eventSerializer.serialize(message.getPayload(), byte[].class);
        byte[] serializedMetaData = eventSerializer.serialize(metaData, byte[].class).getData();
        String hash = EventChain.hash(previousHash, new EventChain.StoredEvent(message.getIdentifier(), aggregateIdentifier,
                sequenceNumber, aggregateType, DateTimeUtils.formatInstant(message.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), serializedMetaData));
        links.put(aggregateIdentifier, new CommittedLinks.Link(sequenceNumber, hash));
        return message.withMetaData(metaData.and(EventChain.HASH_KEY, hash));
    }

    /** Events of one aggregate may be stored in several rounds within a unit of work; the chain spans them. */
    private String previousHash(String aggregateIdentifier, long sequenceNumber, Map<String, CommittedLinks.Link> links) {
        CommittedLinks.Link inThisUnitOfWork = links.get(aggregateIdentifier);
        if (inThisUnitOfWork != null && inThisUnitOfWork.sequenceNumber() == sequenceNumber - 1) {
            return inThisUnitOfWork.hash();
        }
        return committed.hashOf(aggregateIdentifier, sequenceNumber - 1)
                .orElseGet(() -> storedHashOf(aggregateIdentifier, sequenceNumber - 1));
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

    /**
     * The links are handed to {@link CommittedLinks} only after the transaction committed: a link of a unit of work
     * that rolls back was never stored and must not continue any chain.
     */
    private Map<String, CommittedLinks.Link> linksOfThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(LINKS_OF_THIS_UNIT_OF_WORK, key -> {
            Map<String, CommittedLinks.Link> links = new HashMap<>();
            root.afterCommit(unitOfWork -> links.forEach(committed::remember));
            return links;
        });
    }
}
