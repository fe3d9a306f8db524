package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/** Idempotency-Key, If-Match and the metadata every event carries, over real HTTP. */
class CommandApiBehaviourTest {

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        ledger.post("/api/departments", "{\"departmentId\":\"RADIOLOGY\",\"nameZh\":\"放射科\",\"nameEn\":\"Radiology\",\"kind\":\"MEDICAL_TECHNICAL\"}");
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheOriginalResultAndAppendsNothing() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "intake-terminal-7:000123");
        var first = ledger.post("/api/complaints", complaintFor("RADIOLOGY"), key);
        long afterFirst = ledger.storedEvents();

        var retry = ledger.post("/api/complaints", complaintFor("RADIOLOGY"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(json(retry.body()).get("complaintId")).isEqualTo(json(first.body()).get("complaintId"));
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ledger.storedEvents()).isEqualTo(afterFirst);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "reused-key");
        assertThat(ledger.post("/api/complaints", complaintFor("RADIOLOGY"), key).status()).isEqualTo(201);
        long before = ledger.storedEvents();

        var other = ledger.post("/api/complaints", complaintFor("RADIOLOGY").replace("Rude", "Slow"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(json(other.body()).get("rule").asText()).isEqualTo("idempotency-key.reused");
        assertThat(ledger.storedEvents()).isEqualTo(before);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "first-try-was-invalid");
        assertThat(ledger.post("/api/complaints", complaintFor("NOWHERE"), key).status()).isEqualTo(404);

        var corrected = ledger.post("/api/complaints", complaintFor("NOWHERE"), key);

        // Nothing was recorded for the key, so the retry is handled afresh (and refused afresh).
        assertThat(corrected.status()).isEqualTo(404);
        assertThat(corrected.headers().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aMalformedKeyIsRefused() throws Exception {
        var response = ledger.post("/api/complaints", complaintFor("RADIOLOGY"), Map.of("Idempotency-Key", "has spaces in it"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response.body()).get("rule").asText()).isEqualTo("idempotency-key.malformed");
    }

    @Test
    void ifMatchWithAStaleVersionIsRefusedAndTheCurrentVersionIsAccepted() throws Exception {
        String id = json(ledger.post("/api/complaints", complaintFor("RADIOLOGY")).body()).get("complaintId").asText();
        // Filing is event 0: the complaint is at version 0.
        var reply = ledger.post("/api/complaints/" + id + "/reply",
                "{\"text\":\"Answered\",\"repliedAt\":\"2026-01-06T10:00:00+08:00\"}", Map.of("If-Match", "\"0\""));
        assertThat(reply.status()).isEqualTo(204);
        long before = ledger.storedEvents();

        var stale = ledger.post("/api/complaints/" + id + "/resolve",
                "{\"outcome\":\"NOT_SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-01-07T10:00:00+08:00\"}", Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(json(stale.body()).get("rule").asText()).isEqualTo("if-match.stale");
        assertThat(ledger.storedEvents()).isEqualTo(before);

        var malformed = ledger.post("/api/complaints/" + id + "/resolve",
                "{\"outcome\":\"NOT_SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-01-07T10:00:00+08:00\"}", Map.of("If-Match", "yesterday"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed.body()).get("errors").findValuesAsText("field")).contains("If-Match");

        var current = ledger.post("/api/complaints/" + id + "/resolve",
                "{\"outcome\":\"NOT_SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-01-07T10:00:00+08:00\"}", Map.of("If-Match", "\"1\""));
        assertThat(current.status()).isEqualTo(204);
    }

    @Test
    void everyEventRecordsWhoWhenceAndWhy() throws Exception {
        var filed = ledger.post("/api/complaints", complaintFor("RADIOLOGY"),
                Map.of("X-Correlation-Id", "kiosk-session-42", "X-Client-Channel", "kiosk"));
        String id = json(filed.body()).get("complaintId").asText();

        List<byte[]> metadata = new JdbcTemplate(ledger.context().getBean(DataSource.class)).queryForList(
                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, id);

        assertThat(metadata).hasSize(1);
        JsonNode meta = new ObjectMapper().readTree(new String(metadata.get(0), StandardCharsets.UTF_8));
        assertThat(meta.get("actor").asText()).isEqualTo(RunningLedger.TEST_USER);
        assertThat(meta.get("clientChannel").asText()).isEqualTo("kiosk");
        assertThat(meta.get("correlationId").asText()).isEqualTo("kiosk-session-42");
        assertThat(meta.get("causationId").asText()).isNotBlank().isNotEqualTo("kiosk-session-42");
    }
}
