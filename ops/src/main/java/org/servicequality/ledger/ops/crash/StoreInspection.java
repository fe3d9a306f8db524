package org.servicequality.ledger.ops.crash;

import org.servicequality.ledger.ops.embedded.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded event store of a data directory, read straight from its H2 file while no service runs on it,
 * and what it shows: every event, duplicates, and gaps in an aggregate's sequence.
 */
final class StoreInspection {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<StoredEvent> events;
    /** Event identifiers that appear more than once. */
    final int duplicateEventIdentifiers;
    /** (aggregateIdentifier, sequenceNumber) pairs that appear more than once. */
    final int duplicatePositions;
    /** Aggregates whose sequence numbers are not exactly 0..n-1. */
    final int aggregatesWithGaps;

    private StoreInspection(List<StoredEvent> events) {
        this.events = events;
        Set<String> identifiers = new HashSet<>();
        Set<String> positions = new HashSet<>();
        Map<String, long[]> sequences = new HashMap<>();
        int duplicateIds = 0;
        int duplicatePairs = 0;
        for (StoredEvent event : events) {
            if (!identifiers.add(event.eventIdentifier())) {
                duplicateIds++;
            }
            if (!positions.add(event.aggregateIdentifier() + "#" + event.sequenceNumber())) {
                duplicatePairs++;
            }
            long[] countAndMax = sequences.computeIfAbsent(event.aggregateIdentifier(), id -> new long[] {0, -1});
            countAndMax[0]++;
            countAndMax[1] = Math.max(countAndMax[1], event.sequenceNumber());
        }
        this.duplicateEventIdentifiers = duplicateIds;
        this.duplicatePositions = duplicatePairs;
        this.aggregatesWithGaps = (int) sequences.values().stream().filter(c -> c[1] + 1 != c[0]).count();
    }

    static StoreInspection of(Path dataDirectory) throws SQLException {
        String url = DataDirectory.eventStoreUrl(dataDirectory, ";ACCESS_MODE_DATA=r");
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
                     + "payloadType, payload FROM DomainEventEntry ORDER BY globalIndex")) {
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                String payloadType = rows.getString(5);
                String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
                events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4), type,
                        staffDepartment(type, rows.getBytes(6))));
            }
            return new StoreInspection(events);
        }
    }

    long count(String eventType) {
        return events.stream().filter(event -> event.eventType().equals(eventType)).count();
    }

    private static String staffDepartment(String type, byte[] payload) {
        try {
            return switch (type) {
                case "StaffMemberEnrolled" -> JSON.readTree(payload).path("departmentId").asText();
                case "StaffMemberTransferred" -> JSON.readTree(payload).path("toDepartmentId").asText();
                default -> "";
            };
        } catch (IOException unreadable) {
            throw new IllegalStateException("Unreadable " + type + " payload", unreadable);
        }
    }
}
