package org.servicequality.ledger.command.audit;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Walks the whole JDBC event store and recomputes the tamper-evidence chain of every aggregate and the Merkle
 * root of every recorded checkpoint. Reports the first broken link per aggregate and every checkpoint that no
 * longer matches. Reads only; safe while the service runs.
 */
public final class EventStoreVerifier {

    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final EventSchema schema;
    private static final ObjectMapper CHECKPOINT_JSON = new ObjectMapper().findAndRegisterModules();

    public EventStoreVerifier(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public enum Problem {
        /** The recomputed hash differs from the stored one: this event (or its predecessor link) was altered. */
        HASH_MISMATCH,
        /** Sequence numbers skip: events were removed or renumbered. */
        SEQUENCE_GAP,
        /** The event carries no chain hash at all. */
        UNCHAINED,
        /** A checkpoint's digest or count no longer matches the events in its range. */
        CHECKPOINT_MISMATCH
    }

    public record Break(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, Problem problem, String detail) {
    }

    public record Report(long eventsChecked, long aggregatesChecked, long checkpointsChecked, List<Break> breaks) {
        public boolean intact() {
            return breaks.isEmpty();
        }
    }

    /**
     * @param progress told the number of events checked so far, every {@value #FETCH_SIZE} events (twice over the
     *                 store: once for the chains, once for the checkpoints)
     */
    public Report verify(LongConsumer progress) {
        return StoreReading.read(dataSource, connection -> {
            List<Break> breaks = new ArrayList<>();
            long[] counts = verifyChains(connection, breaks, progress);
            long checkpoints = verifyCheckpoints(connection, breaks);
            return new Report(counts[0], counts[1], checkpoints, List.copyOf(breaks));
        });
    }

    private long[] verifyChains(Connection connection, List<Break> breaks, LongConsumer progress) throws SQLException {
        String sql = "SELECT " + columns() + " FROM " + schema.domainEventTable()
                + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        long events = 0;
        long aggregates = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                String aggregate = null;
                long expectedSequence = 0;
                String previousHash = EventChain.GENESIS;
                boolean broken = false;
                while (rows.next()) {
                    EventChain.StoredEvent event = read(rows);
                    if (!event.aggregateIdentifier().equals(aggregate)) {
                        aggregate = event.aggregateIdentifier();
                        aggregates++;
                        expectedSequence = 0;
                        previousHash = EventChain.GENESIS;
                        broken = false;
                    }
                    events++;
                    if (events % FETCH_SIZE == 0) {
                        progress.accept(events);
                    }
                    if (broken) {
                        continue;
                    }
                    Break found = check(event, expectedSequence, previousHash);
                    if (found != null) {
                        breaks.add(found);
                        broken = true;
                        continue;
                    }
                    previousHash = EventChain.storedHash(event.metaData());
                    expectedSequence++;
                }
            }
        }
        progress.accept(events);
        return new long[]{events, aggregates};
    }

    private static Break check(EventChain.StoredEvent event, long expectedSequence, String previousHash) {
        if (event.sequenceNumber() != expectedSequence) {
            return new Break(event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(), Problem.SEQUENCE_GAP,
                    "expected sequence number " + expectedSequence + " but found " + event.sequenceNumber());
        }
        String stored = EventChain.storedHash(event.metaData());
        if (stored == null) {
            return new Break(event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(), Problem.UNCHAINED,
                    "the event carries no " + EventChain.HASH_KEY);
        }
        String recomputed = EventChain.hash(previousHash, event);
        if (!recomputed.equals(stored)) {
            return new Break(event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(), Problem.HASH_MISMATCH,
                    "stored hash " + stored + " but the stored event hashes to " + recomputed);
        }
        return null;
    }

    private long verifyCheckpoints(Connection connection, List<Break> breaks) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        String find = "SELECT " + schema.eventIdentifierColumn() + ", " + schema.aggregateIdentifierColumn() + ", "
                + schema.payloadColumn() + " FROM " + schema.domainEventTable() + " WHERE " + schema.payloadTypeColumn() + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(find)) {
            statement.setString(1, LedgerCheckpointRecorded.class.getName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    try {
                        checkpoints.add(new Checkpoint(rows.getString(1), rows.getString(2), readCheckpoint(rows.getBytes(3))));
                    } catch (UncheckedIOException unreadable) {
                        breaks.add(new Break(rows.getString(2), 0, rows.getString(1), Problem.CHECKPOINT_MISMATCH,
                                "the checkpoint cannot be read: " + unreadable.getMessage()));
                    }
                }
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            CheckpointDigest digest = digest(connection, schema, checkpoint.recorded().firstGlobalIndex(), checkpoint.recorded().lastGlobalIndex());
            if (digest.eventCount() != checkpoint.recorded().eventCount() || !digest.merkleRoot().equals(checkpoint.recorded().merkleRoot())) {
                breaks.add(new Break(checkpoint.aggregateIdentifier(), 0, checkpoint.eventIdentifier(), Problem.CHECKPOINT_MISMATCH,
                        "checkpoint over global indexes " + checkpoint.recorded().firstGlobalIndex() + ".." + checkpoint.recorded().lastGlobalIndex()
                                + " recorded " + checkpoint.recorded().eventCount() + " events with root " + checkpoint.recorded().merkleRoot()
                                + "; the store now holds " + digest.eventCount() + " with root " + digest.merkleRoot()));
            }
        }
        return checkpoints.size();
    }

    record CheckpointDigest(long eventCount, String merkleRoot) {
    }

    /** The digest a checkpoint over this range records: the Merkle root of the events' recomputed chain hashes. */
    static CheckpointDigest digest(Connection connection, EventSchema schema, long firstGlobalIndex, long lastGlobalIndex) throws SQLException {
        String sql = "SELECT " + schema.metaDataColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " BETWEEN ? AND ? ORDER BY " + schema.globalIndexColumn();
        List<String> leaves = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, firstGlobalIndex);
            statement.setLong(2, lastGlobalIndex);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String hash = EventChain.storedHash(rows.getBytes(1));
                    leaves.add(hash == null ? "unchained" : hash);
                }
            }
        }
        return new CheckpointDigest(leaves.size(), MerkleRoot.of(leaves));
    }

    /** Checkpoint payloads are read straight from the table, independently of the running serializer's upcasters. */
    static LedgerCheckpointRecorded readCheckpoint(byte[] payload) {
        try {
            return CHECKPOINT_JSON.readValue(payload, LedgerCheckpointRecorded.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Checkpoint(String eventIdentifier, String aggregateIdentifier, LedgerCheckpointRecorded recorded) {
    }

    private String columns() {
        return String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(),
                schema.typeColumn(), schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn());
    }

    private static EventChain.StoredEvent read(ResultSet rows) throws SQLException {
        return new EventChain.StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9));
    }
}
