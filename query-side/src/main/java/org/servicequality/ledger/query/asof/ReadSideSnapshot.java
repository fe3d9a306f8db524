package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A read side in a database of its own on the private MongoDB of {@link AsOfReadSides} (dropped on {@link #close()}):
 * the live projection classes handle events in batches, each batch one unit of work as in a processor, and the live
 * query handler classes answer from what they wrote, with the organisation clock stopped at the instant it stands for.
 *
 * <p>It starts empty or from a stored snapshot ({@link StoredSnapshots}) and moves forward in the store's global order;
 * it knows the position after the last event it applied and the latest timestamp among all events it holds, which is
 * what a snapshot of it covers.
 *
 * <p>Each processing group has a database of its own and may be filled on demand: a read side made {@link #lazy} fills
 * a group when a query of one of the group's query handlers first arrives, so the board (board and department
 * statistics) never waits for the rankings.
 */
final class ReadSideSnapshot implements AutoCloseable {

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final QueryGateway queries;
    private final Clock clock;
    private final MongoClient privateStore;
    private volatile GroupFiller filler;

    /** Fills one processing group of a lazy read side; called once per group, on the executor the read side was given. */
    @FunctionalInterface
    interface GroupFiller {
        void fill(ReadSideSnapshot readSide, String group);
    }

    /** One processing group: its database, its projections and query handlers, and how far it has got. */
    private static final class Group {
        private final String databaseName;
        private final SnapshotBackedTemplate mongo;
        private final List<AnnotationEventHandlerAdapter> projections;
        private final List<AnnotationQueryHandlerAdapter<?>> queryHandlers = new ArrayList<>();
        private volatile boolean filled;
        private volatile boolean copiesOnUse;
        private TrackingToken position;
        private long eventsOfSnapshot;
        private long eventsApplied;
        private Instant latestEventTimestamp = Instant.MIN;

        private Group(String databaseName, SnapshotBackedTemplate mongo, List<AnnotationEventHandlerAdapter> projections) {
            this.databaseName = databaseName;
            this.mongo = mongo;
            this.projections = projections;
        }
    }

    private ReadSideSnapshot(MongoClient privateStore, MongoConverter converter, ReadSideClasses classes, Clock clock, Executor fills) {
        this.clock = clock;
        this.privateStore = privateStore;
        String base = "as-of-" + UUID.randomUUID().toString().replace("-", "");
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        this.queries = DefaultQueryGateway.builder().queryBus(bus).build();
        for (String name : classes.groups()) {
            String databaseName = base + "-" + name;
            SnapshotBackedTemplate mongo = new SnapshotBackedTemplate(new SimpleMongoClientDatabaseFactory(privateStore, databaseName), converter);
            Group group = new Group(databaseName, mongo,
                    classes.projections(name, mongo, clock, queries).stream().map(AnnotationEventHandlerAdapter::new).toList());
            for (Object handler : classes.queryHandlers(name, mongo, clock, queries)) {
                AnnotationQueryHandlerAdapter<?> adapter = new AnnotationQueryHandlerAdapter<>(handler);
                adapter.subscribe(bus);
                group.queryHandlers.add(adapter);
            }
            groups.put(name, group);
        }
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            groups.forEach((name, group) -> {
                if (!group.filled && group.queryHandlers.stream().anyMatch(handler -> handler.canHandle(unitOfWork.getMessage()))) {
                    fillOn(fills, name);
                }
            });
            try {
                return chain.proceed();
            } catch (StoredSnapshots.DamagedSnapshotException damaged) {
                // A chunk copied on use was damaged (and its snapshot deleted): the groups that copy on use start again
                // at the next query, from an older snapshot.
                groups.forEach((name, group) -> {
                    if (group.copiesOnUse) {
                        group.filled = false;
                        empty(name);
                    }
                });
                throw damaged;
            }
        });
    }

    /** An empty read side whose projections and queries see the clock {@code clock}; filled by its owner. */
    static ReadSideSnapshot empty(Clock clock, ReadSideClasses classes, MongoClient privateStore, MongoConverter converter) {
        return new ReadSideSnapshot(privateStore, converter, classes, clock, Runnable::run);
    }

    /**
     * An empty read side that fills each processing group with {@code filler} on {@code fills} when a query first
     * needs it. Not on the query's thread: the query's unit of work is current there, and the projections' pending
     * writes would join it rather than the fill's own units of work.
     */
    static ReadSideSnapshot lazy(Clock clock, ReadSideClasses classes, MongoClient privateStore, MongoConverter converter,
                                 Executor fills, GroupFiller filler) {
        ReadSideSnapshot readSide = new ReadSideSnapshot(privateStore, converter, classes, clock, fills);
        readSide.filler = filler;
        return readSide;
    }

    private void fillOn(Executor fills, String name) {
        try {
            CompletableFuture.runAsync(() -> fill(name), fills).join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    /** A fill that fails leaves the group empty, so the next query starts it again rather than on half its documents. */
    private void fill(String name) {
        Group group = groups.get(name);
        if (group.filled || filler == null) {
            return;
        }
        try {
            filler.fill(this, name);
        } catch (RuntimeException | Error failure) {
            empty(name);
            throw failure;
        }
        group.filled = true;
    }

    /**
     * The read side as of {@code asOf} from the first event, every group filled: see {@link #replayUntil}.
     */
    static ReadSideSnapshot build(Instant asOf, ZoneId zone, ReadSideClasses classes, HistorySource events,
                                  MongoClient privateStore, MongoConverter converter, int batchSize, Duration commitMargin) {
        ReadSideSnapshot readSide = empty(Clock.fixed(asOf, zone), classes, privateStore, converter);
        try {
            readSide.replayUntil(asOf, commitMargin, events, batchSize, readSide.groups());
            return readSide;
        } catch (RuntimeException | Error failure) {
            readSide.close();
            throw failure;
        }
    }

    Set<String> groups() {
        return groups.keySet();
    }

    /**
     * Fills the given (empty) groups with a stored snapshot, to continue from its position.
     *
     * @return the number of documents restored
     * @throws StoredSnapshots.DamagedSnapshotException when the snapshot cannot be restored as saved; the groups are
     *                                                  left empty then
     */
    long restore(StoredSnapshots store, StoredSnapshots.Snapshot snapshot, Set<String> names) {
        long documents = 0;
        for (String name : names) {
            Group group = groups.get(name);
            group.mongo.filledElsewhere();
            try {
                documents += store.restore(snapshot, name, database(group));
            } catch (RuntimeException | Error failure) {
                empty(name);
                throw failure;
            }
            group.position = snapshot.position();
            group.eventsOfSnapshot = snapshot.events();
            group.latestEventTimestamp = snapshot.latestEventTimestamp();
        }
        return documents;
    }

    /**
     * Makes the (empty) group read as if it held the snapshot's documents, copying each from the snapshot when first
     * used ({@link SnapshotBackedTemplate}), to continue from the snapshot's position.
     */
    void restoreOnUse(StoredSnapshots.Group source, StoredSnapshots.Snapshot snapshot, String name) {
        Group group = groups.get(name);
        group.mongo.copyOnUse(source);
        group.copiesOnUse = true;
        group.position = snapshot.position();
        group.eventsOfSnapshot = snapshot.events();
        group.latestEventTimestamp = snapshot.latestEventTimestamp();
    }

    /** Documents of the group copied from its snapshot so far: one by one, and with their whole collections. */
    long[] copiedFromSnapshot(String name) {
        return groups.get(name).mongo.copied();
    }

    /** The replay is done: the chunks kept for lookups by id are not needed any more. */
    void releaseSnapshotChunks(String name) {
        groups.get(name).mongo.releaseChunks();
    }

    /**
     * Applies to the given groups the events stamped at or before {@code asOf} after their position (they must share
     * it). Events are read in global order, which follows their timestamps only up to the time a transaction stays
     * open: an event stored later may carry an earlier timestamp. Reading stops at the first event stamped more than
     * {@code commitMargin} after the instant; events after the instant but within the margin are skipped.
     */
    void replayUntil(Instant asOf, Duration commitMargin, HistorySource events, int batchSize, Set<String> names) {
        List<Group> fed = fed(names);
        Instant readUntil = asOf.plus(commitMargin);
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        try (Stream<? extends TrackedEventMessage<?>> stream = events.after(fed.get(0).position)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.getTimestamp().isAfter(readUntil)) {
                    break;
                }
                if (!event.getTimestamp().isAfter(asOf)) {
                    batch.add(event);
                    if (batch.size() == batchSize) {
                        apply(batch, fed);
                    }
                }
            }
        }
        apply(batch, fed);
        fed.forEach(group -> group.filled = true);
    }

    /**
     * Applies to every group every event after their position, up to the first one stamped after
     * {@code settledBefore}, and hands itself to {@code atInterval} each time at least {@code interval} more events are
     * applied, between batches, and so at a position where it holds every event up to it.
     */
    void advance(HistorySource events, Instant settledBefore, int batchSize, long interval, Consumer<ReadSideSnapshot> atInterval) {
        List<Group> all = fed(groups());
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        long nextInterval = eventsCovered() + interval;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.after(position())) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.getTimestamp().isAfter(settledBefore)) {
                    break;
                }
                batch.add(event);
                if (batch.size() == batchSize || eventsCovered() + batch.size() >= nextInterval) {
                    apply(batch, all);
                    if (eventsCovered() >= nextInterval) {
                        atInterval.accept(this);
                        nextInterval = eventsCovered() + interval;
                    }
                }
            }
        }
        apply(batch, all);
    }

    private List<Group> fed(Set<String> names) {
        List<Group> fed = names.stream().map(groups::get).toList();
        if (fed.stream().map(group -> group.position).distinct().count() > 1) {
            throw new IllegalStateException("Processing groups at different positions cannot be fed together: " + names);
        }
        return fed;
    }

    /**
     * Handles the batch as one unit of work per group, as each group's processor does, so the projections' bulk writes
     * happen at its commit: a unit of work holds the pending writes of one read-model database.
     */
    private void apply(List<TrackedEventMessage<?>> batch, List<Group> fed) {
        if (batch.isEmpty()) {
            return;
        }
        for (Group group : fed) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(batch));
            unitOfWork.executeWithResult(() -> {
                for (AnnotationEventHandlerAdapter projection : group.projections) {
                    projection.handle(unitOfWork.getMessage());
                }
                return null;
            });
            if (unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()) {
                throw new IllegalStateException("A projection failed while rebuilding an as-of view",
                        unitOfWork.getExecutionResult().getExceptionResult());
            }
        }
        TrackingToken last = batch.get(batch.size() - 1).trackingToken();
        Instant latest = batch.stream().map(TrackedEventMessage::getTimestamp).max(Instant::compareTo).orElseThrow();
        for (Group group : fed) {
            group.position = last;
            group.eventsApplied += batch.size();
            if (latest.isAfter(group.latestEventTimestamp)) {
                group.latestEventTimestamp = latest;
            }
        }
        batch.clear();
    }

    private MongoDatabase database(Group group) {
        return privateStore.getDatabase(group.databaseName);
    }

    /** Drops the group's documents and forgets where it stood. */
    void empty(String name) {
        Group group = groups.get(name);
        group.mongo.forgetSnapshot();
        group.copiesOnUse = false;
        database(group).drop();
        group.position = null;
        group.eventsOfSnapshot = 0;
        group.eventsApplied = 0;
        group.latestEventTimestamp = Instant.MIN;
    }

    QueryGateway queries() {
        return queries;
    }

    Clock clock() {
        return clock;
    }

    /** The database of each processing group. */
    Map<String, MongoDatabase> databases() {
        Map<String, MongoDatabase> databases = new LinkedHashMap<>();
        groups.forEach((name, group) -> databases.put(name, database(group)));
        return databases;
    }

    /** Events applied by this read side itself (by its fullest group), not counting those of the snapshot it started from. */
    long eventsApplied() {
        return groups.values().stream().mapToLong(group -> group.eventsApplied).max().orElse(0);
    }

    /** Events the fullest group holds, counting those of the snapshot it started from. */
    long eventsCovered() {
        return groups.values().stream().mapToLong(group -> group.eventsOfSnapshot + group.eventsApplied).max().orElse(0);
    }

    /** The position after the last event of the first group, where {@link #advance} keeps every group. */
    TrackingToken position() {
        return groups.values().iterator().next().position;
    }

    Instant latestEventTimestamp() {
        return groups.values().stream().map(group -> group.latestEventTimestamp).max(Instant::compareTo).orElse(Instant.MIN);
    }

    @Override
    public void close() {
        groups.values().forEach(group -> database(group).drop());
    }
}
