package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Builds read sides as of an instant from the newest stored snapshot that covers the instant, and moves the stored
 * snapshots forward through the history (docs/audit.md, "Snapshots").
 *
 * <p>A snapshot covers an instant when every event it holds is stamped at or before the instant: a full replay as of
 * that instant applies every one of those events (none is later than the instant, so none stops the read or is
 * skipped), so restoring it and replaying the events after its position with the same rule gives what the full replay
 * gives. Projections take only the time zone from the clock, never the time, so what a snapshot holds does not
 * depend on the clock it was made with.
 */
final class ReadSideBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSideBuilder.class);

    private final ReadSideClasses classes;
    private final HistorySource history;
    private final Supplier<MongoClient> privateStore;
    private final MongoConverter converter;
    private final StoredSnapshots snapshots;
    private final ZoneId zone;
    private final int batchSize;
    private final long snapshotInterval;
    private final Duration commitMargin;
    private final Executor fills;

    /** @param fills runs the filling of read sides, one at a time: a single thread of its own */
    ReadSideBuilder(ReadSideClasses classes, HistorySource history, Supplier<MongoClient> privateStore, MongoConverter converter,
                    StoredSnapshots snapshots, ZoneId zone, int batchSize, long snapshotInterval, Duration commitMargin,
                    Executor fills) {
        this.classes = classes;
        this.history = history;
        this.privateStore = privateStore;
        this.converter = converter;
        this.snapshots = snapshots;
        this.zone = zone;
        this.batchSize = batchSize;
        this.snapshotInterval = snapshotInterval;
        this.commitMargin = commitMargin;
        this.fills = fills;
    }

    /**
     * The read side as of {@code asOf}, its processing groups filled when a query first needs them, on the fills'
     * thread, one at a time across all read sides of this builder.
     */
    ReadSideSnapshot asOf(Instant asOf) {
        return ReadSideSnapshot.lazy(Clock.fixed(asOf, zone), classes, privateStore.get(), converter, fills,
                (readSide, group) -> fill(readSide, group, asOf));
    }

    /**
     * From the newest snapshot covering the instant, or from the first event. The snapshot's documents are copied when
     * first used ({@link SnapshotBackedTemplate}), so the fill costs what the replay after the snapshot touches, not the
     * whole read model. A snapshot found damaged meanwhile is deleted, not served, and the fill starts again from an
     * older one.
     */
    private void fill(ReadSideSnapshot readSide, String group, Instant asOf) {
        long started = System.nanoTime();
        Optional<StoredSnapshots.Snapshot> from = snapshots.latestCovering(asOf);
        while (true) {
            try {
                if (from.isPresent()) {
                    readSide.restoreOnUse(snapshots.group(from.get(), group), from.get(), group);
                }
                readSide.replayUntil(asOf, commitMargin, history, batchSize, Set.of(group));
                break;
            } catch (RuntimeException failure) {
                if (from.isEmpty() || !damaged(failure)) {
                    throw failure;
                }
                LOG.warn("As-of snapshot deleted, not used: {}", failure.getMessage());
                snapshots.delete(from.get().id());
                readSide.empty(group);
                from = snapshots.latestCovering(asOf);
            }
        }
        readSide.releaseSnapshotChunks(group);
        long[] copied = readSide.copiedFromSnapshot(group);
        LOG.info("As-of {} of {}: from the snapshot of {} events, {} events replayed, {} documents copied from the snapshot by id"
                        + " and {} with their whole collections, in {} ms",
                group, asOf, from.map(StoredSnapshots.Snapshot::events).orElse(0L), readSide.eventsApplied(), copied[0], copied[1],
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean damaged(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoredSnapshots.DamagedSnapshotException) {
                return true;
            }
        }
        return false;
    }

    /**
     * When at least an interval of events was stored after the newest snapshot: restores it (or starts from the first
     * event) and saves a snapshot every interval of events stamped before {@code now} less the commit margin (a later
     * event may still be joined by an earlier-stamped one committing late).
     *
     * @param head the position of the newest stored event, {@code null} for an empty store
     */
    void advanceSnapshots(Instant now, TrackingToken head) {
        snapshots.deleteOtherVersions();
        Optional<StoredSnapshots.Snapshot> latest = snapshots.latest();
        long covered = latest.map(snapshot -> snapshot.position().position().orElse(-1)).orElse(-1L);
        if (head == null || head.position().orElse(-1) - covered < snapshotInterval) {
            return;
        }
        Instant settledBefore = now.minus(commitMargin);
        try (ReadSideSnapshot readSide = ReadSideSnapshot.empty(Clock.fixed(settledBefore, zone), classes, privateStore.get(), converter)) {
            if (latest.isPresent()) {
                try {
                    readSide.restore(snapshots, latest.get(), readSide.groups());
                } catch (StoredSnapshots.DamagedSnapshotException damaged) {
                    LOG.warn("As-of snapshot damaged, deleted; the next check starts from an older one: {}", damaged.getMessage());
                    snapshots.delete(latest.get().id());
                    return;
                }
            }
            readSide.advance(history, settledBefore, batchSize, snapshotInterval, this::save);
        }
    }

    private void save(ReadSideSnapshot readSide) {
        if (!StoredSnapshots.storable(readSide.position())) {
            return;
        }
        long started = System.nanoTime();
        StoredSnapshots.Snapshot saved = snapshots.save(readSide.databases(), readSide.position(), readSide.eventsCovered(),
                readSide.latestEventTimestamp());
        LOG.info("As-of snapshot {} saved in {} ms: {} events, the latest stamped {}", saved.id(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), saved.events(), saved.latestEventTimestamp());
    }
}
