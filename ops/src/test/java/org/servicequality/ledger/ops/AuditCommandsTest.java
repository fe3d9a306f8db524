package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.audit.AuditCommands;
import org.servicequality.ledger.ops.embedded.DataDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/** The auditor's command-line tool on a stopped service's data directory. */
class AuditCommandsTest {

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path work;
    private static String complaintId;

    @BeforeAll
    static void writeHistory() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.audit.checkpoint-settle-time=PT0S")) {
            ledger.post("/api/departments", "{\"departmentId\":\"DENTAL\",\"nameZh\":\"口腔科\",\"nameEn\":\"Dental\",\"kind\":\"CLINICAL\"}");
            complaintId = json(ledger.post("/api/complaints", complaintFor("DENTAL", Instant.now().toString())).body()).get("complaintId").asText();
            ledger.post("/api/complaints/" + complaintId + "/reply", "{\"text\":\"Answered\",\"repliedAt\":\"" + Instant.now() + "\"}");
            assertThat(ledger.post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        }
    }

    private record Run(int exitCode, String out, String progress) {
    }

    private static Run audit(String command, Path directory, Map<String, String> options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("data-dir", directory.toString());
        int exit = new AuditCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(command, all);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifyReportsAnIntactStoreWithProgress() throws Exception {
        Run run = audit("verify", dataDirectory, Map.of());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("INTACT: 4 events in 3 aggregates, 1 checkpoints checked");
        assertThat(run.progress()).contains("verified 4 events");
    }

    @Test
    void verifyExitsWithOneAndNamesTheBrokenLink() throws Exception {
        Path copy = Files.createDirectories(work.resolve("tampered"));
        Files.copy(DataDirectory.eventStoreFile(dataDirectory), copy.resolve("events.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(DataDirectory.eventStoreUrl(copy, ""));
        store.setUser("ledger");
        new JdbcTemplate(store).update("UPDATE DomainEventEntry SET timeStamp = '2020-01-01T00:00:00.000Z' "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 1", complaintId);

        Run run = audit("verify", copy, Map.of());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN").contains("HASH_MISMATCH " + complaintId + "#1");
    }

    @Test
    void exportWritesTheEventsAndAManifestThatChecksThem() throws Exception {
        Path out = work.resolve("export");
        Run run = audit("export", dataDirectory, Map.of("from", "2000-01-01T00:00:00Z", "to", "2999-01-01T00:00:00Z",
                "format", "csv", "out", out.toString()));

        assertThat(run.exitCode()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        byte[] file = Files.readAllBytes(out.resolve("events.csv"));
        assertThat(manifest.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(manifest.get("eventCount").asLong()).isEqualTo(4);
        assertThat(run.progress()).contains("exported 4 events");
    }

    @Test
    void historyPrintsEveryEventOfOneCase() throws Exception {
        Run run = audit("history", dataDirectory, Map.of("id", complaintId));

        assertThat(run.exitCode()).isZero();
        JsonNode history = new ObjectMapper().readTree(run.out());
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("payloadType").asText()).endsWith("ComplaintReplied");
    }

    @Test
    void theDispatcherRefusesWrongUsageWithExitCodeTwo() {
        assertThat(OperatorCommands.run(new String[]{"audit"})).isEqualTo(2);
        assertThat(OperatorCommands.run(new String[]{"audit", "export", "--data-dir", dataDirectory.toString(), "--from", "yesterday"})).isEqualTo(2);
        assertThat(OperatorCommands.run(new String[]{"audit", "verify", "--data-dir", work.resolve("nothing-here").toString()})).isEqualTo(2);
    }
}
