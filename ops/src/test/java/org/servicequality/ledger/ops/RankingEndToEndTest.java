package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service Star rankings on the real application: events made through the command API reach the
 * ranking over HTTP, as JSON and as the board page in both languages; a bad period is refused.
 */
class RankingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOMINATION_SCORES = "{\"SKILLS\":90,\"PERFORMANCE\":85,\"SERVICE_ENVIRONMENT\":80,"
            + "\"SERVICE_QUALITY\":95,\"DISCIPLINE\":100,\"PUBLIC_EVALUATION\":88}";

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDirectory, "--spring.messages.basename=i18n/board,i18n/ranking");
        created(ledger.post("/api/departments",
                "{\"departmentId\":\"CARDIOLOGY\",\"nameZh\":\"心内科\",\"nameEn\":\"Cardiology\",\"kind\":\"CLINICAL\"}"));
        created(ledger.post("/api/staff",
                "{\"employeeNumber\":\"E1005\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"NURSING\",\"displayName\":\"李秀英\"}"));
        created(ledger.post("/api/staff",
                "{\"employeeNumber\":\"E1002\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"SERVICE_WINDOW\",\"displayName\":\"张伟\"}"));

        String commendationId = JSON.readTree(created(ledger.post("/api/commendations",
                "{\"channel\":\"WEB\",\"departmentId\":\"CARDIOLOGY\",\"employeeNumbers\":[\"E1005\"],"
                        + "\"text\":\"Patient and kind\",\"receivedAt\":\"2026-08-03T09:00:00+08:00\"}")))
                .get("commendationId").asText();
        noContent(ledger.post("/api/commendations/" + commendationId + "/verify", ""));

        String complaintId = JSON.readTree(created(ledger.post("/api/complaints",
                "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\",\"departmentId\":\"CARDIOLOGY\","
                        + "\"employeeNumbers\":[\"E1002\"],\"summary\":\"Rude at the counter\",\"details\":\"Told to wait outside\","
                        + "\"receivedAt\":\"2026-08-10T09:00:00+08:00\"}")))
                .get("complaintId").asText();
        noContent(ledger.post("/api/complaints/" + complaintId + "/reply",
                "{\"text\":\"We apologise.\",\"repliedAt\":\"2026-08-11T10:00:00+08:00\"}"));
        noContent(ledger.post("/api/complaints/" + complaintId + "/resolve",
                "{\"outcome\":\"SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-08-12T10:00:00+08:00\"}"));

        created(ledger.post("/api/service-star-rounds", "{\"period\":\"2026-Q3\",\"openedAt\":\"2026-09-20T09:00:00+08:00\"}"));
        noContent(ledger.post("/api/service-star-rounds/2026-Q3/nominations",
                "{\"employeeNumber\":\"E1005\",\"departmentId\":\"CARDIOLOGY\",\"scores\":" + NOMINATION_SCORES
                        + ",\"nominatedAt\":\"2026-09-21T09:00:00+08:00\"}"));
        noContent(ledger.post("/api/service-star-rounds/2026-Q3/nominations/E1005/award",
                "{\"awardedAt\":\"2026-09-28T09:00:00+08:00\"}"));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static String created(RunningLedger.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static void noContent(RunningLedger.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static JsonNode rankingOnceBuilt() {
        JsonNode[] ranking = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = ledger.get("/api/rankings/service-stars?period=2026-Q3");
            assertThat(response.status()).isEqualTo(200);
            ranking[0] = JSON.readTree(response.body());
            assertThat(ranking[0].get("rows")).hasSize(2);
            assertThat(ranking[0].get("rows").get(0).get("star").asText()).isEqualTo("AWARDED");
        });
        return ranking[0];
    }

    @Test
    void theRankingExplainsEveryScore() {
        JsonNode ranking = rankingOnceBuilt();
        assertThat(ranking.get("scoringVersion").asText()).isEqualTo("service-star-1");

        JsonNode star = ranking.get("rows").get(0);
        assertThat(star.get("rank").asInt()).isEqualTo(1);
        assertThat(star.get("employeeNumber").asText()).isEqualTo("E1005");
        assertThat(star.get("departmentNameZh").asText()).isEqualTo("心内科");
        assertThat(star.get("role").asText()).isEqualTo("NURSING");
        assertThat(star.get("score").decimalValue()).isEqualByComparingTo("49.83");
        assertThat(star.at("/components/commendations/verified").asInt()).isEqualTo(1);
        assertThat(star.at("/components/criteria/total").asInt()).isEqualTo(538);
        assertThat(star.at("/components/criteria/points").decimalValue()).isEqualByComparingTo("44.83");

        JsonNode complained = ranking.get("rows").get(1);
        assertThat(complained.get("employeeNumber").asText()).isEqualTo("E1002");
        assertThat(complained.get("star").asText()).isEqualTo("NOT_NOMINATED");
        assertThat(complained.at("/components/complaints/substantiated").asInt()).isEqualTo(1);
        assertThat(complained.get("score").decimalValue()).isEqualByComparingTo("-10");

        assertThat(ranking.toString()).doesNotContain("李秀英").doesNotContain("张伟");
    }

    @Test
    void aPeriodWithNothingRecordedIsAnEmptyRanking() throws Exception {
        var response = ledger.get("/api/rankings/service-stars?period=2025-07");
        assertThat(response.status()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("rows")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?period=2026-Q5", "?period=26-Q3", "?period=", ""})
    void aBadOrMissingPeriodIsAProblemNamingIt(String query) throws Exception {
        var response = ledger.get("/api/rankings/service-stars" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("period");
    }

    @Test
    void theBoardPageShowsTheStarsAndTheTopInChineseAndEnglish() {
        rankingOnceBuilt();

        var chinese = ledger.get("/rankings?period=2026-Q3");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.body())
                .contains("<html lang=\"zh-CN\"")
                .contains("服务明星排行")
                .contains("本期服务明星")
                .contains("E1005")
                .contains("心内科")
                .contains("49.83")
                .contains("六项合计 538 ÷ 12：44.83")
                .contains("属实 1 件、部分属实 0 件：-10.00")
                .contains("service-star-1")
                .doesNotContain("李秀英")
                .doesNotContain("<script");

        var english = ledger.get("/rankings?period=2026-Q3&lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body())
                .contains("<html lang=\"en\"")
                .contains("Service Star rankings")
                .contains("Service Stars of the period")
                .contains("Cardiology")
                .contains("six criteria total 538 / 12: 44.83")
                .contains("1 substantiated, 0 partly: -10.00");
    }

    @Test
    void thePageRefusesABadPeriod() {
        assertThat(ledger.get("/rankings?period=2026-13").status()).isEqualTo(400);
    }
}
