package org.servicequality.ledger.ops.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.servicequality.ledger.ops.LedgerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.servicequality.ledger.query.asof.AsOfSnapshots;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The ledger's own application context in this JVM, without its web server, for the measurements that need its
 * stores from the inside: history generation, the raw event-store scan, the raw MongoDB bulk-write rate and the
 * replay of every projection. Its streaming processors are stopped as soon as it has started (the store is empty
 * then), so the history is written with no projection running and the replay starts from an empty read-model
 * database, the way a new installation or a rebuilt query side meets an existing event store.
 */
final class InProcessLedger implements AutoCloseable {

    record Rate(long items, double seconds, String loadAverage) {

        double perSecond() {
            return items / seconds;
        }
    }

    /** @param seconds per processor: the time until it had handled the whole store */
    record Replay(long events, double seconds, Map<String, Double> perProcessor, String loadAverage) {

        double perSecond() {
            return events / seconds;
        }
    }

    private static final String SCRATCH_COLLECTION = "bench_bulk_write";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final ConfigurableApplicationContext context;
    private final PrintStream out;
    private final Duration progressEvery;
    private final List<StreamingEventProcessor> processors;

    private InProcessLedger(ConfigurableApplicationContext context, PrintStream out, Duration progressEvery) {
        this.context = context;
        this.out = out;
        this.progressEvery = progressEvery;
        this.processors = context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        stopOnceRunning();
    }

    /**
     * Lets each processor claim its segments before stopping it, and waits until it has stopped: a tracking processor
     * stopped while it was still claiming kept that segment marked active and never claimed it again when restarted
     * (seen twice: the rankings never moved).
     */
    private void stopOnceRunning() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (StreamingEventProcessor processor : processors) {
            while (processor.processingStatus().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor.getName() + " claimed no segment within " + STARTUP_TIMEOUT);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the processors to start", interrupted);
                }
            }
        }
        processors.forEach(processor -> processor.shutdownAsync().join());
    }

    static InProcessLedger start(Path dataDirectory, PrintStream out, Duration progressEvery) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                // As-of snapshots are made when asked for (makeAsOfSnapshots), not beside the measurements.
                .run("--ledger.data-dir=" + dataDirectory, "--spring.main.banner-mode=off", "--ledger.as-of.snapshot-check=PT0S",
                        "--logging.level.org.axonframework=warn", "--logging.level.org.servicequality=warn");
        return new InProcessLedger(context, out, progressEvery);
    }

    List<String> processorNames() {
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    Rate generateHistory(Organisation organisation, long events, long seed) {
        long started = System.nanoTime();
        long written = new HistoryGenerator(context.getBean(EventStore.class), context.getBean(TransactionManager.class),
                organisation, out).generate(events, seed);
        return new Rate(written, seconds(started), Machine.loadAverage());
    }

    /** Every event read from the store in order with its payload and metadata deserialized: the upper bound for a replay. */
    Rate scanEventStore() {
        long started = System.nanoTime();
        long nextProgress = started + progressEvery.toNanos();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = context.getBean(EventStorageEngine.class).readEvents(null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.getPayload() == null || event.getMetaData() == null) {
                    throw new IllegalStateException("Event " + event.getIdentifier() + " has no payload");
                }
                count++;
                if (System.nanoTime() >= nextProgress) {
                    nextProgress = System.nanoTime() + progressEvery.toNanos();
                    out.printf(Locale.ROOT, "  scan: %,d events (%,.0f/s), load %s%n", count, count / seconds(started), Machine.loadAverage());
                }
            }
        }
        return new Rate(count, seconds(started), Machine.loadAverage());
    }

    /**
     * Upserts documents shaped like a projection's (a few counters and the ids of the last events applied) into a
     * scratch collection of the same embedded MongoDB, in bulk writes of {@code batch}, then drops it.
     */
    Rate bulkWriteReadModels(int documents, int batch) {
        MongoCollection<Document> collection = context.getBean(MongoTemplate.class).getDb().getCollection(SCRATCH_COLLECTION);
        Random random = new Random(documents);
        long started = System.nanoTime();
        long nextProgress = started + progressEvery.toNanos();
        try {
            for (int from = 0; from < documents; from += batch) {
                List<WriteModel<Document>> writes = new ArrayList<>(batch);
                for (int i = from; i < Math.min(documents, from + batch); i++) {
                    Document document = new Document("_id", "document-" + i)
                            .append("departmentId", "BENCH-" + (i % 60))
                            .append("complaints", random.nextInt(1000))
                            .append("commendations", random.nextInt(1000))
                            .append("replied", random.nextInt(1000))
                            .append("resolved", random.nextInt(1000))
                            .append("revision", 1L)
                            .append("lastEvents", IntStream.range(0, 32).mapToObj(e -> new UUID(random.nextLong(), random.nextLong()).toString()).toList());
                    writes.add(new ReplaceOneModel<>(new Document("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(writes);
                if (System.nanoTime() >= nextProgress) {
                    nextProgress = System.nanoTime() + progressEvery.toNanos();
                    out.printf(Locale.ROOT, "  bulk writes: %,d documents (%,.0f/s), load %s%n", from + writes.size(),
                            (from + writes.size()) / seconds(started), Machine.loadAverage());
                }
            }
            return new Rate(documents, seconds(started), Machine.loadAverage());
        } finally {
            collection.drop();
        }
    }

    /** Makes the as-of views' stored snapshots over the whole store, as the service does in the background as history grows. */
    Rate makeAsOfSnapshots() {
        long events = storedEvents();
        long started = System.nanoTime();
        context.getBean(AsOfSnapshots.class).makeSnapshotsNow();
        return new Rate(events, seconds(started), Machine.loadAverage());
    }

    private long storedEvents() {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** Starts every streaming processor from its initial token and waits until each has handled the whole store. */
    Replay replayAllProjections(Duration timeout) throws InterruptedException {
        long head = context.getBean(EventStore.class).createHeadToken().position().orElse(-1);
        long events = storedEvents();
        long started = System.nanoTime();
        long nextProgress = started + progressEvery.toNanos();
        processors.forEach(EventProcessor::start);
        Map<String, Double> done = new LinkedHashMap<>();
        while (done.size() < processors.size()) {
            if (System.nanoTime() - started > timeout.toNanos()) {
                throw new IllegalStateException("The projections had not caught up after " + timeout + ": " + positions());
            }
            Thread.sleep(100);
            for (StreamingEventProcessor processor : processors) {
                if (!done.containsKey(processor.getName()) && position(processor).orElse(-1) >= head) {
                    done.put(processor.getName(), seconds(started));
                    out.printf(Locale.ROOT, "  replay: %s caught up after %.1f s%n", processor.getName(), seconds(started));
                }
            }
            if (System.nanoTime() >= nextProgress) {
                nextProgress = System.nanoTime() + progressEvery.toNanos();
                out.printf(Locale.ROOT, "  replay: %.0f s, positions %s of %,d, load %s%n", seconds(started), positions(), head,
                        Machine.loadAverage());
            }
        }
        return new Replay(events, seconds(started), done, Machine.loadAverage());
    }

    private Map<String, Long> positions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        processors.forEach(processor -> positions.put(processor.getName(), position(processor).orElse(-1)));
        return positions;
    }

    /** The least position over the processor's segments; empty while a segment has not stored a token yet. */
    private static OptionalLong position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long least = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            least = Math.min(least, position.getAsLong());
        }
        return OptionalLong.of(least);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Override
    public void close() {
        context.close();
    }
}
