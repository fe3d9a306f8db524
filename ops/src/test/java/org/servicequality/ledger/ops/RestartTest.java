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

/** A stop and a start on the same data directory lose nothing: events, read models and tokens persist. */
class RestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void everythingSurvivesARestart() throws Exception {
        String complaintId;
        long eventsBeforeStop;
        try (RunningLedger first = RunningLedger.start(dataDirectory)) {
            first.post("/api/departments", "{\"departmentId\":\"LAB\",\"nameZh\":\"检验科\",\"nameEn\":\"Laboratory\",\"kind\":\"MEDICAL_TECHNICAL\"}");
            // Received just now, so its reply is not overdue: no deadline appends an event across the restart.
            complaintId = json(first.post("/api/complaints", complaintFor("LAB", Instant.now().toString())).body()).get("complaintId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> filedOnBoard(first) == 1);
            eventsBeforeStop = first.storedEvents();
        }

        try (RunningLedger second = RunningLedger.start(dataDirectory)) {
            assertThat(second.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(second.storedEvents()).isEqualTo(eventsBeforeStop);
            // The read model was kept, not rebuilt: it answers at once.
            assertThat(filedOnBoard(second)).isEqualTo(1);

            var reply = second.post("/api/complaints/" + complaintId + "/reply",
                    "{\"text\":\"Resolved with the lab manager.\",\"repliedAt\":\"" + Instant.now() + "\"}");
            assertThat(reply.status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> labRow(second).get("total").get("replied").asLong() == 1);
            // The processor resumed from its stored token: the old filing was not counted again.
            assertThat(filedOnBoard(second)).isEqualTo(1);
        }
    }

    private static long filedOnBoard(RunningLedger ledger) throws Exception {
        JsonNode row = labRow(ledger);
        return row == null ? 0 : row.get("total").get("filed").asLong();
    }

    private static JsonNode labRow(RunningLedger ledger) throws Exception {
        for (JsonNode row : json(ledger.get("/api/board").body()).get("departments")) {
            if (row.get("departmentId").asText().equals("LAB")) {
                return row;
            }
        }
        return null;
    }
}
