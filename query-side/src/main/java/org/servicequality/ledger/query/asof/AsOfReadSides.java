package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.h2.mvstore.MVStore;
import org.servicequality.ledger.query.embedded.LedgerH2Backend;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds read sides as of past instants ({@link ReadSideSnapshot}) and keeps the last few, so the board, a department
 * page, a scorecard and a ranking of one instant are answered from one build.
 *
 * <p>A read side's processing groups are filled when a query first needs them, one at a time on one thread: each
 * fill streams the event store and keeps a processor's worth of work busy, and requests for many different instants
 * must queue rather than starve the live projections. A fill starts from the newest stored snapshot that covers its
 * instant and replays only the events after it. An instant younger than the commit margin is built but not kept: an
 * event stamped before it may still commit.
 *
 * <p>Snapshots are made in the background on a thread of their own, every {@code ledger.as-of.snapshot-interval}
 * events of settled history (docs/audit.md, "Snapshots").
 */
@Component
@EnableConfigurationProperties(AsOfProperties.class)
class AsOfReadSides implements AsOfViews, AsOfSnapshots, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AsOfReadSides.class);
    /** A request may still be answering from a read side the cache has just let go of. */
    private static final Duration CLOSE_GRACE = Duration.ofMinutes(1);
    /** Snapshots live beside the read models, in a database of their own: they are no read model. */
    private static final String SNAPSHOT_DATABASE_SUFFIX = "-as-of-snapshots";
    private static final Duration FIRST_SNAPSHOT_CHECK = Duration.ofSeconds(10);
    /** The page cache of the private store's scratch file. */
    private static final int PRIVATE_STORE_CACHE_MB = 32;

    private final QueryGateway liveQueries;
    private final Clock organisationClock;
    private final EventStore events;
    private final ReadSideBuilder builder;
    private final Duration commitMargin;
    private final ScheduledExecutorService worker = singleThread("as-of-read-side", Thread.NORM_PRIORITY);
    private final ScheduledExecutorService snapshotter = singleThread("as-of-snapshots", Thread.MIN_PRIORITY);
    private final Map<Instant, CompletableFuture<ReadSideSnapshot>> kept;
    private final Set<ReadSideSnapshot> open = ConcurrentHashMap.newKeySet();
    private volatile MongoServer privateServer;
    private volatile MongoClient privateClient;
    private volatile Path privateStoreDirectory;

    AsOfReadSides(QueryGateway liveQueries, Clock organisationClock, EventStore events, ObjectProvider<EventStorageEngine> storageEngine,
                  MongoTemplate liveMongo, MongoClient liveClient, ListableBeanFactory beans, AsOfProperties settings) {
        this.liveQueries = liveQueries;
        this.organisationClock = organisationClock;
        this.events = events;
        EventStorageEngine engine = storageEngine.getIfUnique();
        StoredSnapshots snapshots = new StoredSnapshots(liveClient.getDatabase(liveMongo.getDb().getName() + SNAPSHOT_DATABASE_SUFFIX),
                StoredSnapshots.codeVersion());
        this.builder = new ReadSideBuilder(new ReadSideClasses(beans), engine != null ? HistorySource.of(engine) : HistorySource.of(events),
                this::privateStore, liveMongo.getConverter(), snapshots, organisationClock.getZone(), settings.batchSize(),
                settings.snapshotInterval(), settings.commitMargin(), worker);
        this.commitMargin = settings.commitMargin();
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Instant, CompletableFuture<ReadSideSnapshot>> eldest) {
                if (size() > settings.keptInstants()) {
                    closeLater(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
        if (!settings.snapshotCheck().isZero()) {
            snapshotter.scheduleWithFixedDelay(this::advanceSnapshots, FIRST_SNAPSHOT_CHECK.toMillis(),
                    settings.snapshotCheck().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledExecutorService singleThread(String name, int priority) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        });
    }

    @Override
    public ReadSide at(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return new ReadSide(liveQueries, organisationClock, null);
        }
        // An unencoded "+08:00" in a query string arrives as " 08:00"; an ISO date-time never contains a space.
        Instant instant = parse(asOf.strip().replace(' ', '+'));
        ReadSideSnapshot snapshot = snapshotAt(instant);
        return new ReadSide(snapshot.queries(), snapshot.clock(), instant);
    }

    private Instant parse(String asOf) {
        Instant instant = parseInstant(asOf);
        if (instant.isAfter(organisationClock.instant())) {
            throw new InvalidAsOfException("asOf " + asOf + " is in the future: views are available as of past instants only");
        }
        return instant;
    }

    private Instant parseInstant(String asOf) {
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // a local date-time, as a browser's picker sends it, or nothing readable
        }
        try {
            return LocalDateTime.parse(asOf).atZone(organisationClock.getZone()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new InvalidAsOfException("asOf must be an ISO-8601 date-time, with an offset (2026-07-31T23:59:59+08:00)"
                    + " or in the organisation's time zone " + organisationClock.getZone() + " (2026-07-31T23:59:59); got '" + asOf + "'");
        }
    }

    private ReadSideSnapshot snapshotAt(Instant asOf) {
        boolean settled = asOf.isBefore(organisationClock.instant().minus(commitMargin));
        CompletableFuture<ReadSideSnapshot> build;
        synchronized (kept) {
            build = settled ? kept.get(asOf) : null;
            if (build == null) {
                build = CompletableFuture.supplyAsync(() -> build(asOf), worker);
                if (settled) {
                    kept.put(asOf, build);
                } else {
                    closeLater(build);
                }
            }
        }
        try {
            return build.join();
        } catch (CompletionException failed) {
            synchronized (kept) {
                kept.remove(asOf, build);
            }
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    private ReadSideSnapshot build(Instant asOf) {
        ReadSideSnapshot built = builder.asOf(asOf);
        open.add(built);
        return built;
    }

    /** The background check: a failure is logged and the next check tries again. */
    private void advanceSnapshots() {
        try {
            makeSnapshots();
        } catch (RuntimeException failure) {
            LOG.warn("As-of snapshots not advanced; retried at the next check", failure);
        }
    }

    private void makeSnapshots() {
        builder.advanceSnapshots(organisationClock.instant(), events.createHeadToken());
    }

    @Override
    public void makeSnapshotsNow() {
        try {
            snapshotter.submit(this::makeSnapshots).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("As-of snapshots could not be made", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while as-of snapshots were made", interrupted);
        }
    }

    private void closeLater(CompletableFuture<ReadSideSnapshot> build) {
        build.thenAccept(snapshot -> worker.schedule(() -> close(snapshot), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void close(ReadSideSnapshot snapshot) {
        if (open.remove(snapshot)) {
            snapshot.close();
        }
    }

    /**
     * Started on the first as-of request or snapshot, on a loopback port of its own. Its documents live in a scratch
     * file, not on the heap: with a million events one instant's read side holds hundreds of thousands of documents,
     * more than the service's whole heap (README: {@code -Xmx512m}); the file store keeps only a bounded page cache.
     */
    private synchronized MongoClient privateStore() {
        if (privateClient == null) {
            try {
                privateStoreDirectory = Files.createTempDirectory("ledger-as-of-");
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
            MVStore scratch = new MVStore.Builder()
                    .fileName(privateStoreDirectory.resolve("read-sides.mv.db").toString())
                    .cacheSize(PRIVATE_STORE_CACHE_MB)
                    .open();
            privateServer = new MongoServer(new LedgerH2Backend(scratch));
            privateClient = MongoClients.create(privateServer.bindAndGetConnectionString());
        }
        return privateClient;
    }

    /** Stopping the private server drops every read side with it. */
    @Override
    public void destroy() {
        worker.shutdownNow();
        snapshotter.shutdownNow();
        open.clear();
        if (privateClient != null) {
            try {
                privateClient.close();
            } finally {
                privateServer.shutdownNow();
                deleteScratch(privateStoreDirectory);
            }
        }
    }

    private static void deleteScratch(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException leftBehind) {
            LOG.warn("Could not delete the as-of scratch store {}: {}", directory, leftBehind.toString());
        }
    }
}
