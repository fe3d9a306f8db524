package org.servicequality.ledger.command.audit;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Records checkpoints: the Merkle root over every event stored since the previous checkpoint, appended to the
 * stream as {@link LedgerCheckpointRecorded}. Only events older than the settle time are covered, because a
 * transaction still open may yet commit an event with a lower global index (the index is taken at insert).
 */
public final class LedgerCheckpoints {

    private final DataSource dataSource;
    private final EventSchema schema;
    private final EventGateway events;
    private final Clock clock;
    private final Duration settleTime;

    public LedgerCheckpoints(DataSource dataSource, EventSchema schema, EventGateway events, Clock clock, Duration settleTime) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.events = events;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    /** @return the checkpoint recorded, or empty when no settled event was stored since the last one */
    public synchronized Optional<LedgerCheckpointRecorded> record() {
        try (Connection connection = dataSource.getConnection()) {
            long first = lastCoveredIndex(connection) + 1;
            long last = lastSettledIndex(connection);
            if (last < first) {
                return Optional.empty();
            }
            EventStoreVerifier.CheckpointDigest digest = EventStoreVerifier.digest(connection, schema, first, last);
            LedgerCheckpointRecorded checkpoint = new LedgerCheckpointRecorded(first, last, digest.eventCount(),
                    digest.merkleRoot(), clock.instant());
            events.publish(checkpoint);
            return Optional.of(checkpoint);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store: " + e.getMessage(), e);
        }
    }

    private long lastCoveredIndex(Connection connection) throws SQLException {
        String sql = "SELECT " + schema.payloadColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.payloadTypeColumn() + " = ? ORDER BY " + schema.globalIndexColumn() + " DESC";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(1);
            statement.setString(1, LedgerCheckpointRecorded.class.getName());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return -1;
                }
                return EventStoreVerifier.readCheckpoint(rows.getBytes(1)).lastGlobalIndex();
            }
        }
    }

    private long lastSettledIndex(Connection connection) throws SQLException {
        String settledBefore = org.axonframework.common.DateTimeUtils.formatInstant(clock.instant().minus(settleTime));
        String sql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.timestampColumn() + " <= ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, settledBefore);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long max = rows.getLong(1);
                return rows.wasNull() ? -1 : max;
            }
        }
    }
}
