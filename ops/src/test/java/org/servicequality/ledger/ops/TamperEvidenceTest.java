package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.command.audit.EventStoreVerifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * A history written by the real application verifies as intact; every one of many random single changes to
 * the stored events (a payload byte, a deleted event, a reordered pair, an altered timestamp or metadata
 * value) is detected.
 */
class TamperEvidenceTest {

    private static final int MUTATIONS = 60;

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path scratch;
    private static long checkpointedThrough;

    @BeforeAll
    static void writeHistoryAndCheckpoint() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.audit.checkpoint-settle-time=PT0S")) {
            for (String department : List.of("ENT", "ORTHOPAEDICS", "BILLING")) {
                ledger.post("/api/departments", "{\"departmentId\":\"" + department + "\",\"nameZh\":\"科室\",\"nameEn\":\""
                        + department + "\",\"kind\":\"CLINICAL\"}");
                for (int i = 0; i < 4; i++) {
                    String now = Instant.now().toString();
                    String id = json(ledger.post("/api/complaints", complaintFor(department, now)).body()).get("complaintId").asText();
                    ledger.post("/api/complaints/" + id + "/reply", "{\"text\":\"Answered " + i + "\",\"repliedAt\":\"" + Instant.now() + "\"}");
                }
            }
            var checkpoint = ledger.post("/api/audit/checkpoints", "");
            assertThat(checkpoint.status()).isEqualTo(201);
            JsonNode recorded = json(checkpoint.body());
            checkpointedThrough = recorded.get("lastGlobalIndex").asLong();
            // Everything before it: the checkpoint event itself is covered by the next checkpoint.
            assertThat(recorded.get("eventCount").asLong()).isEqualTo(ledger.storedEvents() - 1);

            var verification = ledger.get("/api/audit/verification");
            assertThat(verification.status()).isEqualTo(200);
            assertThat(json(verification.body()).get("breaks")).isEmpty();
        }
    }

    @Test
    void anUntouchedStoreIsIntact() throws Exception {
        assertThat(verify(copyOfStore("untouched")).breaks()).isEmpty();
    }

    @Test
    void everyRandomSingleChangeIsDetected() throws Exception {
        Random random = new Random(20261127L);
        List<String> undetected = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            JdbcDataSource copy = copyOfStore("mutation-" + i);
            JdbcTemplate jdbc = new JdbcTemplate(copy);
            Map<String, Object> victim = randomCoveredEvent(jdbc, random);
            String description = mutation + " on " + victim.get("aggregateIdentifier") + "#" + victim.get("sequenceNumber");
            mutation.apply(jdbc, victim, random);
            if (verify(copy).intact()) {
                undetected.add(description);
            }
        }
        assertThat(undetected).as("changes the verifier missed").isEmpty();
    }

    enum Mutation {
        FLIP_PAYLOAD_BYTE((jdbc, event, random) -> {
            byte[] payload = (byte[]) event.get("payload");
            payload[random.nextInt(payload.length)] ^= (byte) (1 + random.nextInt(255));
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", payload, event.get("globalIndex"));
        }),
        DELETE_EVENT((jdbc, event, random) ->
                jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", event.get("globalIndex"))),
        REORDER_PAIR((jdbc, event, random) -> {
            // A pair needs a stream of two or more: take one at random among those.
            List<String> streams = jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE globalIndex <= ? "
                    + "GROUP BY aggregateIdentifier HAVING COUNT(*) > 1 ORDER BY aggregateIdentifier", String.class, checkpointedThrough);
            String aggregate = streams.get(random.nextInt(streams.size()));
            long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, aggregate);
            long first = random.nextInt((int) count - 1);
            jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = -1 WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, first);
            jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?", first, aggregate, first + 1);
            jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = ? WHERE aggregateIdentifier = ? AND sequenceNumber = -1", first + 1, aggregate);
        }),
        ALTER_TIMESTAMP((jdbc, event, random) -> {
            Instant stored = Instant.parse((String) event.get("timeStamp"));
            jdbc.update("UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex = ?",
                    stored.plusMillis(1 + random.nextInt(100_000)).toString(), event.get("globalIndex"));
        }),
        ALTER_METADATA((jdbc, event, random) -> {
            String metaData = new String((byte[]) event.get("metaData"), java.nio.charset.StandardCharsets.UTF_8);
            jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                    metaData.replace(RunningLedger.TEST_USER, "someone-else").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    event.get("globalIndex"));
        });

        private final TriConsumer change;

        Mutation(TriConsumer change) {
            this.change = change;
        }

        void apply(JdbcTemplate jdbc, Map<String, Object> event, Random random) {
            change.accept(jdbc, event, random);
        }
    }

    @FunctionalInterface
    interface TriConsumer {
        void accept(JdbcTemplate jdbc, Map<String, Object> event, Random random);
    }

    private static Map<String, Object> randomCoveredEvent(JdbcTemplate jdbc, Random random) {
        List<Map<String, Object>> covered = jdbc.queryForList(
                "SELECT * FROM DomainEventEntry WHERE globalIndex <= ? ORDER BY globalIndex", checkpointedThrough);
        return covered.get(random.nextInt(covered.size()));
    }

    private static EventStoreVerifier.Report verify(JdbcDataSource store) {
        return new EventStoreVerifier(store, EventSchema.builder().build()).verify(eventsChecked -> { });
    }

    private static JdbcDataSource copyOfStore(String name) throws Exception {
        Path directory = Files.createDirectories(scratch.resolve(name));
        Files.copy(dataDirectory.resolve("events.mv.db"), directory.resolve("events.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("events"));
        dataSource.setUser("ledger");
        return dataSource;
    }

}
