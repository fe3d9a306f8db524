package org.servicequality.ledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Events as an auditor sees them: read straight from the JDBC store, with payload and metadata as JSON and
 * every encrypted personal-data value replaced by a marker, never decrypted.
 */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final EventSchema schema;

    public StoredEvents(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** One event, with personal data already replaced by a marker. */
    public record AuditedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, String aggregateType,
                               long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                               JsonNode payload, JsonNode metaData) {
    }

    /** What stands in place of an encrypted contact: "present", "erased" or "redacted". */
    public interface PersonalDataMarker extends Function<String, String> {
    }

    public List<AuditedEvent> ofAggregate(String aggregateIdentifier, PersonalDataMarker marker) {
        List<AuditedEvent> events = new ArrayList<>();
        query(" WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY " + schema.sequenceNumberColumn(),
                List.of(aggregateIdentifier), marker, event -> true, events::add);
        return events;
    }

    /**
     * Streams the events stored in a time range (timestamps as stored, ISO-8601 UTC, inclusive from, exclusive to),
     * in global order, that pass the filter.
     */
    public void between(String fromInclusive, String toExclusive, PersonalDataMarker marker, Predicate<AuditedEvent> filter,
                        java.util.function.Consumer<AuditedEvent> sink) {
        query(" WHERE " + schema.timestampColumn() + " >= ? AND " + schema.timestampColumn() + " < ? ORDER BY "
                + schema.globalIndexColumn(), List.of(fromInclusive, toExclusive), marker, filter, sink);
    }

    /** One page of a filtered history: the events after a global index, within a time range, that pass the filter. */
    public record Page(List<AuditedEvent> events, Long nextAfter) {
    }

    /**
     * Reads forward from {@code afterGlobalIndex} until {@code limit} events pass the filter. {@code nextAfter} is the
     * cursor for the next page, or {@code null} when the range is exhausted.
     */
    public Page page(long afterGlobalIndex, String fromInclusive, String toExclusive, int limit, PersonalDataMarker marker,
                     Predicate<AuditedEvent> filter) {
        List<AuditedEvent> events = new ArrayList<>(limit + 1);
        query(" WHERE " + schema.globalIndexColumn() + " > ? AND " + schema.timestampColumn() + " >= ? AND "
                        + schema.timestampColumn() + " < ? ORDER BY " + schema.globalIndexColumn(),
                List.of(afterGlobalIndex, fromInclusive, toExclusive), marker, filter, events::add, () -> events.size() > limit);
        if (events.size() > limit) {
            events.remove(limit);
            return new Page(events, events.get(limit - 1).globalIndex());
        }
        return new Page(events, null);
    }

    private void query(String where, List<Object> parameters, PersonalDataMarker marker, Predicate<AuditedEvent> filter,
                       java.util.function.Consumer<AuditedEvent> sink) {
        query(where, parameters, marker, filter, sink, () -> false);
    }

    private void query(String where, List<Object> parameters, PersonalDataMarker marker, Predicate<AuditedEvent> filter,
                       java.util.function.Consumer<AuditedEvent> sink, java.util.function.BooleanSupplier enough) {
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(), schema.typeColumn(), schema.sequenceNumberColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable() + where;
        StoreReading.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (!enough.getAsBoolean() && rows.next()) {
                        AuditedEvent event = new AuditedEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getLong(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                redacted(readJson(rows.getBytes(9)), marker), readJson(rows.getBytes(10)));
                        if (filter.test(event)) {
                            sink.accept(event);
                        }
                    }
                }
            }
            return null;
        });
    }

    private static JsonNode readJson(byte[] bytes) {
        if (bytes == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException unreadable) {
            return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** An encrypted contact is recognised by its shape (key id, nonce, ciphertext), wherever it stands. */
    static JsonNode redacted(JsonNode node, PersonalDataMarker marker) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 3 && object.hasNonNull("keyId") && object.has("nonce") && object.has("ciphertext")) {
                ObjectNode marked = JSON.createObjectNode();
                marked.put("personalData", marker.apply(object.get("keyId").asText()));
                return marked;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(redacted(field.getValue(), marker));
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, redacted(node.get(i), marker));
            }
        }
        return node;
    }
}
