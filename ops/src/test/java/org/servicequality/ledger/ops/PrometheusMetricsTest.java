package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;

/** /actuator/prometheus on the embedded defaults answers with the meters docs/configuration.md and the dashboard name. */
class PrometheusMetricsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theLedgersAndAxonsMetersAreScraped() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            ledger.post("/api/departments", "{\"departmentId\":\"LAB\",\"nameZh\":\"检验科\",\"nameEn\":\"Laboratory\",\"kind\":\"MEDICAL_TECHNICAL\"}");
            // Received in January: its reply deadline has long passed.
            ledger.post("/api/complaints", complaintFor("LAB"));
            // Each processor registers its latency once it has handled an event: wait for the board's and the statistics'.
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.get("/api/scorecards/LAB?period=2026-01").body().contains("\"complaints\":1")
                    && ledger.get("/api/board/departments/LAB").body().contains("\"filed\":1"));

            var scrape = ledger.get("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            String metrics = scrape.body();
            assertThat(value(metrics, "ledger_events_appended_total\\{[^}]*type=\"ComplaintFiled\"[^}]*}")).isEqualTo(1);
            assertThat(value(metrics, "ledger_events_appended_total\\{[^}]*type=\"DepartmentRegistered\"[^}]*}")).isEqualTo(1);
            assertThat(value(metrics, "ledger_complaints_reply_overdue(\\{[^}]*})?")).isEqualTo(1);
            assertThat(value(metrics, "ledger_rectifications_overdue(\\{[^}]*})?")).isEqualTo(0);
            for (String processor : new String[] {"board", "department-statistics", "rankings"}) {
                assertThat(metrics).containsPattern("ledger_projection_lag_events\\{[^}]*processor=\"" + processor + "\"")
                        .containsPattern("ledger_projection_lag_seconds\\{[^}]*processor=\"" + processor + "\"")
                        .containsPattern("ledger_projection_stalled\\{[^}]*processor=\"" + processor + "\"[^}]*} 0.0");
            }
            assertThat(metrics).contains("http_server_requests_seconds_count")
                    // axon-micrometer, dimensional: by command, query and processor.
                    .containsPattern("commandBus_successTimer_seconds_count\\{[^}]*payloadType=\"FileComplaint\"")
                    .containsPattern("queryBus_successTimer_seconds_count\\{[^}]*payloadType=\"FindDepartmentScorecard\"")
                    .containsPattern("eventProcessor_latency\\{[^}]*processorName=\"board\"")
                    .containsPattern("eventProcessor_capacity\\{[^}]*processorName=\"board\"")
                    // Spring Security's per-filter, authentication and authorization observations are off (they cost
                    // commands a large share of their CPU); the requests they would have timed are timed once above.
                    .doesNotContain("spring_security_");

            // The sample Grafana dashboard asks only for series the service exports.
            String dashboard = Files.readString(Path.of("grafana/ledger-dashboard.json"));
            Matcher used = Pattern.compile("\\b(?:ledger|commandBus|queryBus|eventProcessor|http_server)_[A-Za-z0-9_]+").matcher(dashboard);
            int names = 0;
            while (used.find()) {
                assertThat(metrics).as("the dashboard's " + used.group()).contains(used.group());
                names++;
            }
            assertThat(names).isGreaterThan(10);
        }
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("a sample of " + series).isTrue();
        return Double.parseDouble(matcher.group(matcher.groupCount()));
    }
}
