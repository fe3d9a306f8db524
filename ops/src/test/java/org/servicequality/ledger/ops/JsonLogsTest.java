package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * One switch turns the console log into JSON (ECS), and a request's correlation id follows it into the handling of its
 * command and of the events the command caused.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    private static final String CORRELATION_ID = "json-logs-correlation-1";

    @TempDir
    Path dataDirectory;

    /** Spring Boot keeps the chosen format in system properties, which would turn every later test's log into JSON. */
    @AfterEach
    void plainLogsForTheTestsThatFollow() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void jsonLinesCarryTheCorrelationIdOfCommandsAndTheirEvents(CapturedOutput output) throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory,
                "--logging.structured.format.console=ecs",
                // The handling itself logs at DEBUG only: switch it on to see every command and event go by.
                "--logging.level.org.servicequality.ledger.command.http.CommandLoggingContext=debug",
                "--logging.level.org.servicequality.ledger.query.projection.EventLoggingContext=debug")) {
            Map<String, String> correlated = Map.of("X-Correlation-Id", CORRELATION_ID);
            ledger.post("/api/departments", "{\"departmentId\":\"LAB\",\"nameZh\":\"检验科\",\"nameEn\":\"Laboratory\",\"kind\":\"MEDICAL_TECHNICAL\"}");
            assertThat(ledger.post("/api/complaints", complaintFor("LAB"), correlated).status()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<JsonNode> lines = jsonLines(output);
                assertThat(lines).anySatisfy(line -> {
                    assertThat(line.path("command").asText()).isEqualTo("FileComplaint");
                    assertThat(line.path("correlationId").asText()).isEqualTo(CORRELATION_ID);
                });
                assertThat(lines).anySatisfy(line -> {
                    assertThat(line.path("processor").asText()).isEqualTo("board");
                    assertThat(line.path("event").asText()).isEqualTo("ComplaintFiled");
                    assertThat(line.path("correlationId").asText()).isEqualTo(CORRELATION_ID);
                });
            });
            assertThat(jsonLines(output)).allSatisfy(line -> assertThat(line.has("@timestamp") && line.path("log").has("level")).isTrue());
        }
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return json(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }
}
