package org.servicequality.ledger.query.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds events to a projection the way a tracking processor does: in batches, each batch one unit of
 * work, against a real (in-memory) MongoDB wire server. An event without a tracking token gets the next position of
 * the harness's stream when first delivered and the same position when delivered again, as a processor's redelivery
 * from its stored token would give it.
 */
public final class ProjectionHarness implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final Map<String, Long> positions = new HashMap<>();

    public ProjectionHarness() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "projection-test");
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    public static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    /** An event at a position of the stream, with the gaps its token had (positions not yet seen below it). */
    public static TrackedEventMessage<?> tracked(EventMessage<?> event, long index, Long... gaps) {
        return new GenericTrackedEventMessage<>(new GapAwareTrackingToken(index, Arrays.asList(gaps)), event);
    }

    /**
     * The stored documents of a collection in {@code _id} order, without the write counter every write advances
     * whatever it writes: what a live build and a replay must agree on.
     */
    public List<org.bson.Document> contentsOf(String collection) {
        List<org.bson.Document> documents = mongo.getCollection(collection).find()
                .sort(new org.bson.Document("_id", 1)).into(new java.util.ArrayList<>());
        documents.forEach(document -> document.remove("readModelRevision"));
        return documents;
    }

    /** Handles the messages as one batch and commits it. */
    public void deliver(Object projection, EventMessage<?>... messages) {
        deliver(projection, Arrays.asList(messages));
    }

    public void deliver(Object projection, List<? extends EventMessage<?>> messages) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages.stream().map(this::inStream).toList());
        batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (batch.getExecutionResult() != null && batch.getExecutionResult().isExceptionResult()) {
            throw new AssertionError("projection failed", batch.getExecutionResult().getExceptionResult());
        }
    }

    private EventMessage<?> inStream(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?>) {
            return message;
        }
        long position = positions.computeIfAbsent(message.getIdentifier(), id -> (long) positions.size() + 1);
        return tracked(message, position);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
