package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * Projections rebuilt from the event store while the service serves (docs/audit.md, "Replay while serving"): the
 * old read models answer every query until the switch, the rebuilt ones give the same answers after it, the live
 * processors continue on the new ones, and a rebuild interrupted by a stop resumes at the next start. Rebuilds are
 * slowed down (ledger.rebuilds.max-events-per-second) so that queries certainly meet one in progress.
 */
class ReplayWhileServingTest {

    private static final String[] DEPARTMENTS = {"CARDIOLOGY", "DENTAL", "PHARMACY"};

    @TempDir
    Path dataDirectory;

    @Test
    void queriesKeepAnsweringDuringARebuildAndAgreeAfterIt() throws Exception {
        Map<String, String> before;
        Map<String, String> afterOneMore;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.rebuilds.max-events-per-second=60",
                "--ledger.rebuilds.batch-size=10")) {
            writeHistory(ledger, 90);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            before = answers(ledger);

            RunningLedger.Response refused = ledger.post("/api/ops/rebuilds", "{\"processingGroup\":\"boards\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(json(refused.body()).path("errors").path(0).path("field").asText()).as(refused.body()).isEqualTo("processingGroup");

            RunningLedger.Response started = ledger.post("/api/ops/rebuilds", "{\"processingGroup\":\"all\"}");
            assertThat(started.status()).isEqualTo(202);
            String id = json(started.body()).get("id").asText();
            assertThat(started.headers().getLocation()).hasToString("/api/ops/rebuilds/" + id);
            assertThat(ledger.post("/api/ops/rebuilds", "{\"processingGroup\":\"board\"}").status()).isEqualTo(409);

            AtomicBoolean sawProgressMidway = new AtomicBoolean();
            AtomicBoolean sawGauge = new AtomicBoolean();
            AtomicInteger queriesDuringRebuild = new AtomicInteger();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode rebuild = json(ledger.get("/api/ops/rebuilds/" + id).body());
                if (!rebuild.get("status").asText().equals("RUNNING")) {
                    return true;
                }
                long done = rebuild.get("eventsDone").asLong();
                if (done > 0 && done < rebuild.get("eventsTotal").asLong()) {
                    sawProgressMidway.set(true);
                }
                JsonNode gauge = json(ledger.get("/actuator/metrics/ledger.rebuild.events.total?tag=processingGroup:board").body());
                if (gauge.get("measurements").get(0).get("value").asDouble() > 0) {
                    sawGauge.set(true);
                }
                assertThat(answers(ledger)).as("answers during the rebuild").isEqualTo(before);
                queriesDuringRebuild.incrementAndGet();
                return false;
            });

            JsonNode rebuild = json(ledger.get("/api/ops/rebuilds/" + id).body());
            assertThat(rebuild.get("status").asText()).as(rebuild.toString()).isEqualTo("COMPLETED");
            assertThat(rebuild.get("processingGroups")).hasSize(3)
                    .allSatisfy(group -> assertThat(group.get("generation").asInt()).isEqualTo(1));
            assertThat(rebuild.get("eventsDone").asLong()).isEqualTo(rebuild.get("eventsTotal").asLong()).isPositive();
            assertThat(sawProgressMidway).as("progress seen between start and end").isTrue();
            assertThat(sawGauge).as("progress seen in the metrics").isTrue();
            assertThat(queriesDuringRebuild.get()).isGreaterThan(3);
            assertThat(answers(ledger)).as("answers after the switch").isEqualTo(before);

            List<String> collections = List.copyOf(ledger.context().getBean(MongoTemplate.class).getCollectionNames());
            assertThat(collections).contains("board_departments__g1", "scorecard_department_months__g1", "ranking_staff__g1")
                    .doesNotContain("board_departments", "scorecard_department_months", "ranking_staff");

            // The live processors continue from the rebuild's tokens, on the new collections.
            assertThat(ledger.post("/api/complaints", complaintFor("DENTAL", Instant.now().toString())).status()).isEqualTo(201);
            await().atMost(Duration.ofMinutes(1)).until(() -> filedInTotal(ledger, "DENTAL") == 31);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            afterOneMore = answers(ledger);
        }
        try (RunningLedger restarted = RunningLedger.start(dataDirectory)) {
            LiveVersusReplayTest.awaitProjectionsCaughtUp(restarted);
            assertThat(answers(restarted)).as("a restart serves the rebuilt generation").isEqualTo(afterOneMore);
            assertThat(json(restarted.get("/api/ops/rebuilds").body()).get(0).get("status").asText()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aRebuildInterruptedByAStopResumesAtTheNextStart() throws Exception {
        Map<String, String> before;
        String id;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.rebuilds.max-events-per-second=15",
                "--ledger.rebuilds.batch-size=5")) {
            writeHistory(ledger, 45);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            before = answers(ledger);
            RunningLedger.Response started = ledger.post("/api/ops/rebuilds", "{\"processingGroup\":\"board\"}");
            assertThat(started.status()).isEqualTo(202);
            id = json(started.body()).get("id").asText();
            await().atMost(Duration.ofMinutes(1)).until(() -> json(ledger.get("/api/ops/rebuilds/" + id).body()).get("eventsDone").asLong() > 0);
        }
        try (RunningLedger restarted = RunningLedger.start(dataDirectory, "--ledger.rebuilds.max-events-per-second=15",
                "--ledger.rebuilds.batch-size=5")) {
            JsonNode resumed = json(restarted.get("/api/ops/rebuilds/" + id).body());
            assertThat(resumed.get("status").asText()).as(resumed.toString()).isEqualTo("RUNNING");
            assertThat(resumed.get("processingGroups").get(0).get("generation").asInt()).as("the same generation, resumed").isEqualTo(1);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(restarted);
            assertThat(answers(restarted)).as("the old read models serve until the switch").isEqualTo(before);

            await().atMost(Duration.ofMinutes(2)).until(() ->
                    json(restarted.get("/api/ops/rebuilds/" + id).body()).get("status").asText().equals("COMPLETED"));
            assertThat(answers(restarted)).isEqualTo(before);
            assertThat(restarted.context().getBean(MongoTemplate.class).getCollectionNames())
                    .contains("board_departments__g1").doesNotContain("board_departments");

            // Abandoned instead: what it built is dropped, the active generation serves on, the next one starts afresh.
            RunningLedger.Response again = restarted.post("/api/ops/rebuilds", "{\"processingGroup\":\"board\"}");
            assertThat(again.status()).isEqualTo(202);
            String againId = json(again.body()).get("id").asText();
            assertThat(json(again.body()).get("processingGroups").get(0).get("generation").asInt()).isEqualTo(2);
            JsonNode abandoned = json(restarted.delete("/api/ops/rebuilds/" + againId).body());
            assertThat(abandoned.get("status").asText()).as(abandoned.toString()).isEqualTo("ABANDONED");
            assertThat(restarted.context().getBean(MongoTemplate.class).getCollectionNames())
                    .contains("board_departments__g1").doesNotContain("board_departments__g2");
            assertThat(answers(restarted)).isEqualTo(before);
            assertThat(json(restarted.post("/api/ops/rebuilds", "{\"processingGroup\":\"board\"}").body())
                    .get("processingGroups").get(0).get("generation").asInt()).as("a generation is never used twice").isEqualTo(3);
        }
    }

    /** Three departments, two staff, complaints filed over the last days, a third of them replied to. */
    static void writeHistory(RunningLedger ledger, int complaints) throws Exception {
        for (String department : DEPARTMENTS) {
            assertThat(ledger.post("/api/departments", "{\"departmentId\":\"" + department + "\",\"nameZh\":\"科室\",\"nameEn\":\""
                    + department + "\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
        }
        assertThat(ledger.post("/api/staff", "{\"employeeNumber\":\"E1001\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"NURSING\","
                + "\"displayName\":\"李秀英\"}").status()).isEqualTo(201);
        assertThat(ledger.post("/api/staff", "{\"employeeNumber\":\"E1002\",\"departmentId\":\"DENTAL\",\"role\":\"SERVICE_WINDOW\","
                + "\"displayName\":\"张伟\"}").status()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < complaints; i++) {
            Instant received = now.minus(Duration.ofMinutes(10L * i + 5));
            RunningLedger.Response filed = ledger.post("/api/complaints", complaintFor(DEPARTMENTS[i % DEPARTMENTS.length], received.toString()));
            assertThat(filed.status()).isEqualTo(201);
            if (i % 3 == 0) {
                String complaintId = json(filed.body()).get("complaintId").asText();
                assertThat(ledger.post("/api/complaints/" + complaintId + "/reply",
                        "{\"text\":\"We apologise\",\"repliedAt\":\"" + now + "\"}").status()).isEqualTo(204);
            }
        }
    }

    /** What the public and the managers see: the board, a department page, the scorecards and a ranking. */
    static Map<String, String> answers(RunningLedger ledger) {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/board", "/api/board/departments/DENTAL", "/api/scorecards?period=" + month,
                "/api/scorecards?period=" + month.getYear(), "/api/rankings/service-stars?period=" + month)) {
            RunningLedger.Response response = ledger.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    private static long filedInTotal(RunningLedger ledger, String departmentId) throws Exception {
        return json(ledger.get("/api/board/departments/" + departmentId).body()).get("department").get("total").get("filed").asLong();
    }
}
