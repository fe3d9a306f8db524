package org.servicequality.ledger.query.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Arrays;
import java.util.List;

/**
 * Feeds events to a projection the way a tracking processor does: in batches, each batch one unit of
 * work, against a real (in-memory) MongoDB wire server.
 */
public final class ProjectionHarness implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;

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
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(messages));
        batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (batch.getExecutionResult() != null && batch.getExecutionResult().isExceptionResult()) {
            throw new AssertionError("projection failed", batch.getExecutionResult().getExceptionResult());
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
