package org.servicequality.ledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Exports the events of a time range (all, or those concerning one department) as JSON Lines or CSV, with
 * personal data redacted, and a manifest giving the counts and the SHA-256 of the exported file so a recipient
 * can check it is complete and unaltered.
 */
public final class EventExport {

    public enum Format {
        JSONL("events.jsonl"),
        CSV("events.csv");

        final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** Columns of the CSV export, in order; documented in docs/audit.md. */
    static final String[] CSV_COLUMNS = {"global_index", "event_id", "aggregate_id", "aggregate_type", "sequence_number",
            "timestamp", "payload_type", "payload_revision", "payload", "actor", "correlation_id", "causation_id",
            "client_channel", "event_hash"};

    /** Payload fields that name the department an event concerns. */
    private static final Set<String> DEPARTMENT_FIELDS = Set.of("departmentId", "handlingDepartmentId", "toDepartmentId",
            "fromDepartmentId", "assistingDepartmentId");

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Manifest(String file, String format, String from, String to, String departmentId, long eventCount,
                           TreeMap<String, Long> eventCountsByType, String sha256) {
    }

    private final StoredEvents events;

    public EventExport(StoredEvents events) {
        this.events = events;
    }

    /**
     * @param progress told the number of events written so far, every 1,000 events and at the end
     */
    public Manifest write(OutputStream target, Format format, Instant from, Instant to, String departmentId, LongConsumer progress) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        TreeMap<String, Long> countsByType = new TreeMap<>();
        long[] written = {0};
        Predicate<StoredEvents.AuditedEvent> concerned = departmentId == null ? event -> true : event -> concerns(event, departmentId);
        try (Writer writer = new OutputStreamWriter(new DigestOutputStream(nonClosing(target), sha256), StandardCharsets.UTF_8);
             CSVPrinter csv = format == Format.CSV ? new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get()) : null) {
            events.between(DateTimeUtils.formatInstant(from), DateTimeUtils.formatInstant(to), keyId -> "redacted", concerned, event -> {
                countsByType.merge(event.payloadType(), 1L, Long::sum);
                if (++written[0] % 1000 == 0) {
                    progress.accept(written[0]);
                }
                try {
                    if (csv != null) {
                        csv.printRecord(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(), event.aggregateType(),
                                event.sequenceNumber(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                                JSON.writeValueAsString(event.payload()), text(event.metaData(), "actor"),
                                text(event.metaData(), "correlationId"), text(event.metaData(), "causationId"),
                                text(event.metaData(), "clientChannel"), text(event.metaData(), EventChain.HASH_KEY));
                    } else {
                        writer.write(JSON.writeValueAsString(event));
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = written[0];
        progress.accept(total);
        return new Manifest(format.fileName(), format.name().toLowerCase(), from.toString(), to.toString(), departmentId, total,
                countsByType, HexFormat.of().formatHex(sha256.digest()));
    }

    static boolean concerns(StoredEvents.AuditedEvent event, String departmentId) {
        if (departmentId.equals(event.aggregateIdentifier())) {
            return true;
        }
        for (String field : DEPARTMENT_FIELDS) {
            JsonNode value = event.payload().get(field);
            if (value != null && departmentId.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Events naming the employee: their staff record, or any payload listing the employee number. */
    static boolean namesEmployee(StoredEvents.AuditedEvent event, String employeeNumber) {
        if (("staff:" + employeeNumber).equals(event.aggregateIdentifier())) {
            return true;
        }
        JsonNode single = event.payload().get("employeeNumber");
        if (single != null && employeeNumber.equals(single.asText())) {
            return true;
        }
        JsonNode listed = event.payload().get("employeeNumbers");
        if (listed != null && listed.isArray()) {
            for (JsonNode number : listed) {
                if (employeeNumber.equals(number.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** The caller owns the target stream; closing the writer must only flush it. */
    private static OutputStream nonClosing(OutputStream target) {
        return new java.io.FilterOutputStream(target) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
