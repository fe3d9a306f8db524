package org.servicequality.ledger.command.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;
import org.servicequality.ledger.command.personaldata.PersonalDataKeyStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The auditor's view of the event store: histories, verification, checkpoints and exports. */
@RestController
@RequestMapping("/api/audit")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class AuditController {

    private final EventStoreVerifier verifier;
    private final LedgerCheckpoints checkpoints;
    private final StoredEvents storedEvents;
    private final EventExport export;
    private final PersonalDataKeyStore keys;
    private final ObjectMapper json;

    AuditController(EventStoreVerifier verifier, LedgerCheckpoints checkpoints, StoredEvents storedEvents, EventExport export,
                    PersonalDataKeyStore keys, ObjectMapper json) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.storedEvents = storedEvents;
        this.export = export;
        this.keys = keys;
        this.json = json;
    }

    /** Every event of one aggregate, in order; personal data shows only as "present" or "erased". */
    @GetMapping("/cases/{aggregateId}")
    List<StoredEvents.AuditedEvent> history(@PathVariable String aggregateId) {
        List<StoredEvents.AuditedEvent> history = storedEvents.ofAggregate(aggregateId, this::presentOrErased);
        if (history.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing is recorded under id '" + aggregateId + "'.");
        }
        return history;
    }

    /** Everything concerning a department across all aggregates, in global order, a page at a time. */
    @GetMapping("/departments/{departmentId}/history")
    StoredEvents.Page departmentHistory(@PathVariable String departmentId, HistoryRange range) {
        return page(range, event -> EventExport.concerns(event, departmentId));
    }

    /** Everything naming an employee (by employee number) across all aggregates, in global order, a page at a time. */
    @GetMapping("/staff/{employeeNumber}/history")
    StoredEvents.Page staffHistory(@PathVariable String employeeNumber, HistoryRange range) {
        return page(range, event -> EventExport.namesEmployee(event, employeeNumber));
    }

    /**
     * @param from  inclusive, default: the beginning
     * @param to    exclusive, default: the end
     * @param after the cursor: {@code nextAfter} of the previous page
     * @param limit at most this many events, 1 to 500
     */
    record HistoryRange(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        Long after,
                        Integer limit) {
    }

    private StoredEvents.Page page(HistoryRange range, java.util.function.Predicate<StoredEvents.AuditedEvent> filter) {
        int limit = range.limit() == null ? 100 : range.limit();
        if (limit < 1 || limit > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
        }
        Instant from = range.from() == null ? Instant.EPOCH : range.from();
        Instant to = range.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : range.to();
        return storedEvents.page(range.after() == null ? -1 : range.after(), DateTimeUtils.formatInstant(from),
                DateTimeUtils.formatInstant(to), limit, this::presentOrErased, filter);
    }

    private String presentOrErased(String keyId) {
        return keys.find(keyId).isPresent() ? "present" : "erased";
    }

    /** 200 with the report when the store is intact, 409 with the same report when anything is broken. */
    @GetMapping("/verification")
    ResponseEntity<EventStoreVerifier.Report> verify() {
        EventStoreVerifier.Report report = verifier.verify(eventsChecked -> { });
        return report.intact() ? ResponseEntity.ok(report) : ResponseEntity.status(HttpStatus.CONFLICT).body(report);
    }

    @PostMapping("/checkpoints")
    ResponseEntity<LedgerCheckpointRecorded> recordCheckpoint() {
        return checkpoints.record()
                .map(checkpoint -> ResponseEntity.status(HttpStatus.CREATED).body(checkpoint))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * A ZIP with the events of [from, to) (optionally only those concerning one department) as {@code events.jsonl}
     * or {@code events.csv}, personal data redacted, and {@code manifest.json} with the counts and the file's SHA-256.
     */
    @GetMapping(path = "/exports/events", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> exportEvents(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(required = false) String department) {
        EventExport.Format chosen = switch (format) {
            case "jsonl" -> EventExport.Format.JSONL;
            case "csv" -> EventExport.Format.CSV;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be jsonl or csv");
        };
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        StreamingResponseBody body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(chosen.fileName()));
                EventExport.Manifest manifest = export.write(zip, chosen, from, to, department, written -> { });
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("manifest.json"));
                ByteArrayOutputStream manifestJson = new ByteArrayOutputStream();
                json.writerWithDefaultPrettyPrinter().writeValue(manifestJson, manifest);
                zip.write(manifestJson.toByteArray());
                zip.closeEntry();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-events-" + format + ".zip\"")
                .body(body);
    }
}
