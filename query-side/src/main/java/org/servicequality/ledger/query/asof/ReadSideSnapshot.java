package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The whole read side rebuilt from the events stored at or before one instant, in a database of its own on a private
 * in-memory MongoDB (dropped on {@link #close()}):
 * the live projection classes handle the events in batches, each batch one unit of work as in a processor, and the
 * live query handler classes answer from what they wrote, with the organisation clock stopped at the instant.
 */
final class ReadSideSnapshot implements AutoCloseable {

    private final MongoDatabase database;
    private final QueryGateway queries;
    private final Clock clock;
    private final long eventsApplied;
    private final Duration buildTime;

    private ReadSideSnapshot(MongoDatabase database, QueryGateway queries, Clock clock, long eventsApplied, Duration buildTime) {
        this.database = database;
        this.queries = queries;
        this.clock = clock;
        this.eventsApplied = eventsApplied;
        this.buildTime = buildTime;
    }

    /**
     * Events are read in global order, which follows their timestamps only up to the time a transaction stays open:
     * an event stored later may carry an earlier timestamp. Reading stops at the first event stamped more than
     * {@code commitMargin} after the instant; events after the instant but within the margin are skipped.
     */
    static ReadSideSnapshot build(Instant asOf, ZoneId zone, ReadSideClasses classes, EventStore events,
                                  MongoClient privateStore, MongoConverter converter, int batchSize, Duration commitMargin) {
        long started = System.nanoTime();
        Clock clock = Clock.fixed(asOf, zone);
        String databaseName = "as-of-" + UUID.randomUUID();
        MongoDatabase database = privateStore.getDatabase(databaseName);
        try {
            MongoTemplate mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(privateStore, databaseName), converter);
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            QueryGateway queries = DefaultQueryGateway.builder().queryBus(bus).build();
            for (Object handler : classes.queryHandlers(mongo, clock, queries)) {
                new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
            }
            List<AnnotationEventHandlerAdapter> projections = classes.projections(mongo, clock, queries).stream()
                    .map(AnnotationEventHandlerAdapter::new)
                    .toList();
            long applied = 0;
            Instant readUntil = asOf.plus(commitMargin);
            List<EventMessage<?>> batch = new ArrayList<>(batchSize);
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (event.getTimestamp().isAfter(readUntil)) {
                        break;
                    }
                    if (!event.getTimestamp().isAfter(asOf)) {
                        batch.add(event);
                        if (batch.size() == batchSize) {
                            applied += apply(projections, batch);
                        }
                    }
                }
            }
            applied += apply(projections, batch);
            return new ReadSideSnapshot(database, queries, clock, applied, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            database.drop();
            throw new IllegalStateException("Interrupted while rebuilding the read side as of " + asOf, interrupted);
        } catch (RuntimeException | Error failure) {
            database.drop();
            throw failure;
        }
    }

    /** Handles the batch as one unit of work, as a processor does, so the projections' bulk writes happen at its commit. */
    private static int apply(List<AnnotationEventHandlerAdapter> projections, List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
        unitOfWork.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter projection : projections) {
                projection.handle(unitOfWork.getMessage());
            }
            return null;
        });
        if (unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException("A projection failed while rebuilding an as-of view",
                    unitOfWork.getExecutionResult().getExceptionResult());
        }
        int size = batch.size();
        batch.clear();
        return size;
    }

    QueryGateway queries() {
        return queries;
    }

    Clock clock() {
        return clock;
    }

    long eventsApplied() {
        return eventsApplied;
    }

    Duration buildTime() {
        return buildTime;
    }

    @Override
    public void close() {
        database.drop();
    }
}
