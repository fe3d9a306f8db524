package org.servicequality.ledger.command.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The chain links of committed events kept in memory, against the links read back from the store. */
class EventChainingTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private static final String CASE = "complaint-1";

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final List<EmbeddedEventStore> stores = new ArrayList<>();

    /** One process's view: its own store object and chaining over the shared storage. */
    private record Process(EventStore store, EventStore reads, CommittedLinks links) {
    }

    @AfterEach
    void shutDown() {
        stores.forEach(EmbeddedEventStore::shutDown);
    }

    private Process process() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
        stores.add(store);
        EventStore reads = spy(store);
        CommittedLinks links = new CommittedLinks(10);
        store.registerDispatchInterceptor(new EventChaining(SERIALIZER, reads, links));
        return new Process(store, reads, links);
    }

    private static DomainEventMessage<String> event(long sequence) {
        return new GenericDomainEventMessage<>("Complaint", CASE, sequence, "event " + sequence);
    }

    private static void commit(Process process, long sequence) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> process.store().publish(event(sequence)));
    }

    @Test
    void consecutiveCommandsOnOneAggregateContinueTheChainWithoutReadingItBack() {
        Process process = process();

        for (long sequence = 0; sequence < 4; sequence++) {
            commit(process, sequence);
        }

        verify(process.reads(), never()).readEvents(anyString(), anyLong());
        assertThatTheChainVerifies();
    }

    @Test
    void anEntryOutdatedByAnotherProcessIsDetectedAndTheLinkReadFromTheStore() {
        Process one = process();
        Process other = process();
        commit(one, 0);
        commit(one, 1);

        commit(other, 2);
        commit(one, 3);

        verify(one.reads(), times(1)).readEvents(CASE, 2L);
        assertThatTheChainVerifies();
    }

    @Test
    void theLinkOfAUnitOfWorkThatRolledBackIsNeverUsed() {
        Process process = process();
        commit(process, 0);
        UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
        process.store().publish(new GenericDomainEventMessage<>("Complaint", CASE, 1, "never stored"));
        failed.rollback();

        assertThat(process.links().hashOf(CASE, 1)).isEmpty();
        commit(process, 1);
        commit(process, 2);
        assertThatTheChainVerifies();
    }

    /** Recomputes every link from the stored bytes, as {@code audit verify} does. */
    private void assertThatTheChainVerifies() {
        String previous = EventChain.GENESIS;
        List<? extends DomainEventMessage<?>> stored = storage.readEvents(CASE).asStream().toList();
        assertThat(stored).isNotEmpty();
        for (DomainEventMessage<?> event : stored) {
            SerializedObject<byte[]> payload = SERIALIZER.serialize(event.getPayload(), byte[].class);
            byte[] metaData = SERIALIZER.serialize(event.getMetaData().withoutKeys(Set.of(EventChain.HASH_KEY)), byte[].class).getData();
            String expected = EventChain.hash(previous, new EventChain.StoredEvent(event.getIdentifier(), CASE, event.getSequenceNumber(),
                    event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData));
            assertThat(event.getMetaData().get(EventChain.HASH_KEY)).as("link of event %d", event.getSequenceNumber()).isEqualTo(expected);
            previous = expected;
        }
    }
}
