package org.servicequality.ledger.query.projection;

import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Rebuilds projections from the event store while the service keeps serving. A rebuild of a processing group runs a
 * processor of its own (the group's handlers, segments and sequencing) into a new generation of the group's
 * collections, with tokens of its own, while the live processor and every query go on using the active generation.
 * Once the rebuild stands at the head of the store, the live processor is paused, the rebuild's processor stopped,
 * the new generation made active (one stored write, {@link ReadModelGenerations#activate}) and the live processor
 * started again: it continues from the rebuild's tokens. Then the old generation's collections and tokens are dropped.
 *
 * <p>A rebuild interrupted by a stop or a kill resumes at the next start, from its stored tokens; one that is
 * abandoned ({@link #abandon}) drops what it built, and the next rebuild of the group starts afresh in a generation
 * never used before.
 */
final class ProjectionRebuilds implements SmartLifecycle {

    static final String REBUILDS = "projection_rebuilds";
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ReadModelGenerations generations;
    private final MongoTemplate mongo;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TransactionManager transactionManager;
    private final RebuildProperties settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, GroupRebuild> latestByGroup = new ConcurrentHashMap<>();
    private ScheduledExecutorService monitor;


    ProjectionRebuilds(EventProcessingConfiguration processing, TokenStore tokenStore, ReadModelGenerations generations,
                       MongoTemplate mongo, StreamableMessageSource<TrackedEventMessage<?>> events,
                       TransactionManager transactionManager, Optional<MeterRegistry> meters, RebuildProperties settings) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.generations = generations;
        this.mongo = mongo;
        this.events = events;
        this.transactionManager = transactionManager;
        this.settings = settings;
        meters.ifPresent(this::registerGauges);
    }

    Collection<String> groups() {
        return generations.groups();
    }

    /** Starts rebuilding one processing group, or every one ({@code all}). */
    synchronized Rebuild start(String target) {
        List<String> groups = target.equals("all") ? List.copyOf(generations.groups()) : List.of(target);
        if (!generations.groups().containsAll(groups)) {
            throw new UnknownProcessingGroupException(target, generations.groups());
        }
        for (String group : groups) {
            GroupRebuild latest = latestByGroup.get(group);
            if (latest != null && latest.running()) {
                throw new RebuildInProgressException(group, latest.rebuildId);
            }
        }
        Rebuild rebuild = new Rebuild(UUID.randomUUID().toString(), clock.instant(), new LinkedHashMap<>());
        for (String group : groups) {
            int generation = Math.max(generations.lastGeneration(group), generations.active(group)) + 1;
            // A generation number is never used twice, but a kill between these writes could leave parts behind.
            drop(group, generation);
            generations.startRebuilding(group, generation, rebuild.id);
            rebuild.groups.put(group, launch(rebuild.id, group, generation));
        }
        rebuilds.put(rebuild.id, rebuild);
        save(rebuild);
        log.info("Rebuild {} started: {}", rebuild.id, groups);
        return rebuild;
    }

    Optional<Rebuild> find(String id) {
        return Optional.ofNullable(rebuilds.get(id));
    }

    List<Rebuild> all() {
        return rebuilds.values().stream().sorted((a, b) -> b.requestedAt.compareTo(a.requestedAt)).toList();
    }

    /** Stops a running rebuild and drops what it built; the active generation keeps serving. */
    synchronized Rebuild abandon(String id) {
        Rebuild rebuild = rebuilds.get(id);
        if (rebuild == null) {
            return null;
        }
        for (GroupRebuild group : rebuild.groups.values()) {
            if (group.running()) {
                group.stopProcessor();
                generations.stopRebuilding(group.group);
                drop(group.group, group.generation);
                group.finish(Status.ABANDONED, null);
            }
        }
        save(rebuild);
        return rebuild;
    }

    private GroupRebuild launch(String rebuildId, String group, int generation) {
        StreamingEventProcessor live = liveProcessor(group);
        int segments = Math.max(1, tokenStore.fetchSegments(group).length);
        createIndexes(group, generation);
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(named("rebuild-" + group + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(Math.min(segments, 2), named("rebuild-" + group + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(ReadModelGenerations.tokenName(group, generation))
                .eventHandlerInvoker(((AbstractEventProcessor) live).eventHandlerInvoker())
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(source -> null)
                .batchSize(settings.batchSize())
                .build();
        Pacer pacer = new Pacer(settings.maxEventsPerSecond());
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            ReadModelGenerations.fill(unitOfWork, group, generation);
            pacer.pace();
            return chain.proceed();
        });
        GroupRebuild rebuild = new GroupRebuild(rebuildId, group, generation, generations.active(group), segments,
                processor, List.of(coordinator, workers));
        latestByGroup.put(group, rebuild);
        processor.start();
        return rebuild;
    }

    /** The indexes a real MongoDB needs, declared on the documents, on the new generation's collections too. */
    private void createIndexes(String group, int generation) {
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(mapping);
        for (Class<?> type : generations.typesOf(group)) {
            String collection = ReadModelGenerations.collectionName(mapping.getRequiredPersistentEntity(type).getCollection(), generation);
            for (IndexDefinition index : resolver.resolveIndexFor(type)) {
                mongo.indexOps(collection).ensureIndex(index);
            }
        }
    }

    private void drop(String group, int generation) {
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        for (Class<?> type : generations.typesOf(group)) {
            String collection = ReadModelGenerations.collectionName(mapping.getRequiredPersistentEntity(type).getCollection(), generation);
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
        mongo.remove(query(where("processorName").is(ReadModelGenerations.tokenName(group, generation))), "trackingtokens");
    }

    private StreamingEventProcessor liveProcessor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor named " + group));
    }

    private void check() {
        long head = position(events.createHeadToken());
        for (Rebuild rebuild : rebuilds.values()) {
            boolean changed = false;
            for (GroupRebuild group : rebuild.groups.values()) {
                if (group.running()) {
                    group.sample(head, clock.instant());
                    if (group.caughtUp(head)) {
                        switchOver(group);
                        changed = true;
                    }
                }
            }
            if (changed) {
                save(rebuild);
            }
        }
    }

    /**
     * Pauses the live processor so no batch of it straddles the switch, stops the rebuild's (its tokens are stored),
     * makes the new generation active, and lets the live processor continue from those tokens.
     */
    private synchronized void switchOver(GroupRebuild rebuild) {
        StreamingEventProcessor live = liveProcessor(rebuild.group);
        try {
            live.shutdownAsync().get(1, TimeUnit.MINUTES);
            rebuild.stopProcessor();
            generations.activate(rebuild.group, rebuild.generation);
            live.start();
            drop(rebuild.group, rebuild.previousGeneration);
            rebuild.finish(Status.COMPLETED, null);
            log.info("Rebuild {}: {} switched to generation {} at {} of {} events", rebuild.rebuildId, rebuild.group,
                    rebuild.generation, rebuild.done, rebuild.total);
        } catch (Exception e) {
            log.error("Rebuild {}: switching {} failed", rebuild.rebuildId, rebuild.group, e);
            rebuild.finish(Status.FAILED, String.valueOf(e.getMessage()));
            if (!live.isRunning()) {
                live.start();
            }
        }
    }

    private void save(Rebuild rebuild) {
        List<Document> groups = new ArrayList<>();
        rebuild.groups.values().forEach(group -> groups.add(new Document("processingGroup", group.group)
                .append("generation", group.generation)
                .append("previousGeneration", group.previousGeneration)
                .append("status", group.status.name())
                .append("eventsDone", group.done)
                .append("eventsTotal", group.total)
                .append("finishedAt", group.finishedAt == null ? null : group.finishedAt.toString())
                .append("failure", group.failure)));
        mongo.getCollection(REBUILDS).replaceOne(new Document("_id", rebuild.id),
                new Document("_id", rebuild.id).append("requestedAt", rebuild.requestedAt.toString()).append("groups", groups),
                new ReplaceOptions().upsert(true));
    }

    /** Rebuilds recorded before this start: finished ones as they ended, interrupted ones resumed from their tokens. */
    private void restore() {
        for (Document stored : mongo.getCollection(REBUILDS).find()) {
            Rebuild rebuild = new Rebuild(stored.getString("_id"), Instant.parse(stored.getString("requestedAt")), new LinkedHashMap<>());
            for (Document group : stored.getList("groups", Document.class)) {
                String name = group.getString("processingGroup");
                Optional<Document> rebuilding = generations.rebuilding(name)
                        .filter(running -> running.getString("rebuildId").equals(rebuild.id));
                if (rebuilding.isPresent() && generations.groups().contains(name)) {
                    log.info("Rebuild {}: resuming {} (generation {}) from its stored tokens", rebuild.id, name,
                            rebuilding.get().getInteger("generation"));
                    rebuild.groups.put(name, launch(rebuild.id, name, rebuilding.get().getInteger("generation")));
                } else {
                    GroupRebuild finished = new GroupRebuild(rebuild.id, name, group.getInteger("generation"),
                            group.getInteger("previousGeneration"), 0, null, List.of());
                    finished.done = group.getLong("eventsDone");
                    finished.total = group.getLong("eventsTotal");
                    Status status = Status.valueOf(group.getString("status"));
                    // Recorded as running but no longer rebuilding: it was abandoned or switched just before a kill.
                    finished.finish(status == Status.RUNNING ? (generations.active(name) == finished.generation
                            ? Status.COMPLETED : Status.ABANDONED) : status, group.getString("failure"));
                    rebuild.groups.put(name, finished);
                    latestByGroup.merge(name, finished, (a, b) -> a.running() ? a : b);
                }
            }
            rebuilds.put(rebuild.id, rebuild);
        }
        // Killed after a group's rebuild was stored and before its request was: resumed all the same.
        for (String group : generations.groups()) {
            generations.rebuilding(group).filter(running -> !(latestByGroup.containsKey(group) && latestByGroup.get(group).running()))
                    .ifPresent(running -> {
                        String id = running.getString("rebuildId");
                        Rebuild rebuild = rebuilds.computeIfAbsent(id, unknown -> new Rebuild(id, clock.instant(), new LinkedHashMap<>()));
                        rebuild.groups.put(group, launch(id, group, running.getInteger("generation")));
                        save(rebuild);
                    });
        }
    }

    private void registerGauges(MeterRegistry registry) {
        for (String group : generations.groups()) {
            gauge(registry, "ledger.rebuild.events.done", "events the running (or last) rebuild has handled", group, r -> r.done);
            gauge(registry, "ledger.rebuild.events.total", "events in the store the rebuild must reach", group, r -> r.total);
            gauge(registry, "ledger.rebuild.events.rate", "events per second the rebuild handles", group, r -> r.rate);
            gauge(registry, "ledger.rebuild.eta", "seconds until the rebuild reaches the head, estimated", group,
                    r -> r.eta() == null ? 0 : r.eta());
            gauge(registry, "ledger.rebuild.running", "1 while a rebuild of the group runs", group, r -> r.running() ? 1 : 0);
            Gauge.builder("ledger.read-model.generation", generations, g -> g.active(group))
                    .description("the generation of the group's collections that answers queries")
                    .tag("processingGroup", group).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String group,
                       ToDoubleFunction<GroupRebuild> value) {
        Gauge.builder(name, latestByGroup, latest -> latest.containsKey(group) ? value.applyAsDouble(latest.get(group)) : 0)
                .description(description).tag("processingGroup", group).register(registry);
    }

    @Override
    public void start() {
        monitor = Executors.newSingleThreadScheduledExecutor(named("rebuild-monitor"));
        restore();
        monitor.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Checking rebuilds failed; trying again", e);
            }
        }, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the rebuilds' processors (their tokens are stored) without switching: the next start resumes them. */
    @Override
    public synchronized void stop() {
        monitor.shutdownNow();
        monitor = null;
        for (GroupRebuild rebuild : latestByGroup.values()) {
            if (rebuild.running()) {
                rebuild.stopProcessor();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }

    /** After Axon's processors have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    enum Status { RUNNING, COMPLETED, FAILED, ABANDONED }

    /** One operator's request: one processing group or all of them. */
    record Rebuild(String id, Instant requestedAt, Map<String, GroupRebuild> groups) {

        Status status() {
            Collection<GroupRebuild> all = groups.values();
            if (all.stream().anyMatch(GroupRebuild::running)) {
                return Status.RUNNING;
            }
            if (all.stream().anyMatch(group -> group.status == Status.FAILED)) {
                return Status.FAILED;
            }
            return all.stream().allMatch(group -> group.status == Status.COMPLETED) ? Status.COMPLETED : Status.ABANDONED;
        }
    }

    /** The rebuild of one processing group and its progress. */
    static final class GroupRebuild {
        final String rebuildId;
        final String group;
        final int generation;
        final int previousGeneration;
        private final int segments;
        private final PooledStreamingEventProcessor processor;
        private final List<ScheduledExecutorService> executors;
        private volatile Status status = Status.RUNNING;
        volatile long done;
        volatile long total;
        volatile double rate;
        volatile Instant finishedAt;
        volatile String failure;
        private long firstSampleNanos;
        private long firstSampleDone = -1;

        GroupRebuild(String rebuildId, String group, int generation, int previousGeneration, int segments,
                     PooledStreamingEventProcessor processor, List<ScheduledExecutorService> executors) {
            this.rebuildId = rebuildId;
            this.group = group;
            this.generation = generation;
            this.previousGeneration = previousGeneration;
            this.segments = segments;
            this.processor = processor;
            this.executors = executors;
        }

        boolean running() {
            return status == Status.RUNNING;
        }

        Status status() {
            return status;
        }

        /** Seconds to the head at the rate of this run, or null before a rate is known. */
        Long eta() {
            if (!running()) {
                return 0L;
            }
            return rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        }

        /**
         * Events done: the position of the segment furthest behind (global indexes count the events, bar the rare
         * gap); the rate is measured since this run's first sample, so a resumed rebuild does not count what it
         * did before the restart.
         */
        void sample(long head, Instant now) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long slowest = status.size() < segments ? 0 : status.values().stream()
                    .mapToLong(segment -> position(segment.getTrackingToken())).min().orElse(0);
            total = Math.max(head, 0);
            done = Math.max(0, Math.min(slowest, total));
            long nanos = System.nanoTime();
            if (firstSampleDone < 0) {
                firstSampleDone = done;
                firstSampleNanos = nanos;
            } else if (nanos > firstSampleNanos) {
                rate = (done - firstSampleDone) / ((nanos - firstSampleNanos) / 1e9);
            }
        }

        boolean caughtUp(long head) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == segments && status.values().stream()
                    .allMatch(segment -> segment.isCaughtUp() && position(segment.getTrackingToken()) >= head);
        }

        void stopProcessor() {
            processor.shutDown();
            executors.forEach(ScheduledExecutorService::shutdownNow);
        }

        void finish(Status outcome, String why) {
            status = outcome;
            failure = why;
            rate = 0;
            finishedAt = Instant.now();
            if (outcome == Status.COMPLETED) {
                done = total;
            }
        }
    }

    /** Spaces a rebuild's events evenly to at most the configured rate, across its worker threads. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next;

        Pacer(int eventsPerSecond) {
            this.intervalNanos = eventsPerSecond <= 0 ? 0 : 1_000_000_000L / eventsPerSecond;
        }

        void pace() throws InterruptedException {
            if (intervalNanos == 0) {
                return;
            }
            long slot;
            synchronized (this) {
                next = Math.max(next + intervalNanos, System.nanoTime());
                slot = next;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    static final class UnknownProcessingGroupException extends RuntimeException {
        final Collection<String> known;

        UnknownProcessingGroupException(String group, Collection<String> known) {
            super("No projection '" + group + "'; rebuild one of " + known + " or all");
            this.known = known;
        }
    }

    static final class RebuildInProgressException extends RuntimeException {
        final String rebuildId;

        RebuildInProgressException(String group, String rebuildId) {
            super("A rebuild of " + group + " is already running (" + rebuildId + ")");
            this.rebuildId = rebuildId;
        }
    }
}
