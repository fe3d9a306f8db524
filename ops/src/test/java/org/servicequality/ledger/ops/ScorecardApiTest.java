package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/** The scorecard API over real HTTP, from commands to figures, and its refusals. */
class ScorecardApiTest {

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        assertThat(ledger.post("/api/departments",
                "{\"departmentId\":\"RADIOLOGY\",\"nameZh\":\"放射科\",\"nameEn\":\"Radiology\",\"kind\":\"MEDICAL_TECHNICAL\"}").status())
                .isEqualTo(201);
        assertThat(ledger.post("/api/departments/RADIOLOGY/service-volume", "{\"period\":\"2026-01\",\"serviceContacts\":4000}").status())
                .isEqualTo(204);
        assertThat(ledger.post("/api/complaints", complaintFor("RADIOLOGY")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aDepartmentsScorecardForAMonthQuarterAndYear() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                json(ledger.get("/api/scorecards/RADIOLOGY?period=2026-01").body()).path("feedback").path("complaints").asLong() == 1);

        JsonNode month = json(ledger.get("/api/scorecards/RADIOLOGY?period=2026-01").body());
        assertThat(month.path("scoringVersion").asText()).isEqualTo("scorecard-1");
        assertThat(month.path("serviceContacts").asLong()).isEqualTo(4000);
        assertThat(month.path("complaintsPer10k").asDouble()).isEqualTo(2.5);
        assertThat(month.path("feedback").path("byChannel").path("HOTLINE").asLong()).isEqualTo(1);
        assertThat(month.path("yearOnYear").path("complaints").path("previous").asDouble()).isZero();

        JsonNode quarter = json(ledger.get("/api/scorecards/RADIOLOGY?period=2026-Q1").body());
        assertThat(quarter.path("period").asText()).isEqualTo("2026-Q1");
        assertThat(quarter.path("feedback").path("complaints").asLong()).isEqualTo(1);
        assertThat(quarter.path("serviceContacts").isNull()).isTrue();

        JsonNode all = json(ledger.get("/api/scorecards?period=2026").body());
        assertThat(all.path("scoringVersion").asText()).isEqualTo("scorecard-1");
        assertThat(all.path("departments").get(0).path("departmentId").asText()).isEqualTo("RADIOLOGY");
    }

    @Test
    void aMalformedOrMissingPeriodIsAProblemNamingPeriod() throws Exception {
        for (String path : new String[]{"/api/scorecards/RADIOLOGY?period=2026-13", "/api/scorecards?period=July", "/api/scorecards"}) {
            RunningLedger.Response response = ledger.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.headers().getContentType()).hasToString("application/problem+json");
            assertThat(json(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("period");
        }
    }

    @Test
    void anUnknownDepartmentIsNotFound() throws Exception {
        RunningLedger.Response response = ledger.get("/api/scorecards/NOWHERE?period=2026-07");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(json(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("departmentId");
    }
}
