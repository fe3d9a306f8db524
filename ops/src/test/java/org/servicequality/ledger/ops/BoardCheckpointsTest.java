package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * Checkpoint digests recorded in the event store are published on the board (JSON, page) and as open data, and an
 * outsider's copy of the list stays a prefix of every later list, the comparison docs/audit.md describes.
 */
class BoardCheckpointsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void checkpointsArePublishedOnTheBoardAndAsOpenData() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.audit.checkpoint-settle-time=PT0S")) {
            assertThat(ledger.post("/api/departments", "{\"departmentId\":\"DENTAL\",\"nameZh\":\"口腔科\",\"nameEn\":\"Dental\","
                    + "\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
            assertThat(ledger.post("/api/complaints", complaintFor("DENTAL", Instant.now().toString())).status()).isEqualTo(201);
            JsonNode first = recordCheckpoint(ledger);
            await().atMost(Duration.ofMinutes(1)).until(() -> json(ledger.get("/api/board/checkpoints").body()).get("checkpoints").size() == 1);
            JsonNode copy = json(ledger.get("/api/board/checkpoints").body()).get("checkpoints");
            assertThat(copy.get(0)).isEqualTo(first);

            assertThat(ledger.post("/api/complaints", complaintFor("DENTAL", Instant.now().toString())).status()).isEqualTo(201);
            JsonNode second = recordCheckpoint(ledger);
            assertThat(second.get("firstGlobalIndex").asLong()).isEqualTo(first.get("lastGlobalIndex").asLong() + 1);
            await().atMost(Duration.ofMinutes(1)).until(() -> json(ledger.get("/api/board").body()).get("checkpoints").size() == 2);

            JsonNode board = json(ledger.get("/api/board").body());
            assertThat(board.get("checkpoints").get(0)).as("newest first").isEqualTo(second);
            assertThat(board.get("checkpoints").get(1)).isEqualTo(first);
            JsonNode later = json(ledger.get("/api/board/checkpoints").body()).get("checkpoints");
            assertThat(later).hasSize(2);
            assertThat(later.get(0)).as("the outsider's copy is a prefix of the later list").isEqualTo(copy.get(0));

            String page = ledger.get("/").body();
            assertThat(page).contains(first.get("merkleRoot").asText(), second.get("merkleRoot").asText(), "/api/board/checkpoints");
            String csv = ledger.get("/api/board/checkpoints.csv").body();
            assertThat(csv.lines().toList()).hasSize(3);
            assertThat(csv.lines().toList().get(2)).startsWith(second.get("firstGlobalIndex").asLong() + ","
                    + second.get("lastGlobalIndex").asLong() + "," + second.get("eventCount").asLong() + "," + second.get("merkleRoot").asText());
        }
    }

    /** Records a checkpoint through the audit API and answers it in the board's shape. */
    private static JsonNode recordCheckpoint(RunningLedger ledger) throws Exception {
        RunningLedger.Response recorded = ledger.post("/api/audit/checkpoints", "");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return json(recorded.body());
    }
}
