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
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The board, a department page, the CSV downloads, the scorecards and a ranking as of an earlier instant, on the real
 * application: what the live views answered at that instant is captured, more happens (a complaint counted then is
 * marked invalid, another is filed, praise is verified), and the as-of views must give the captured answers again.
 */
class AsOfViewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DEPARTMENT = BoardScenario.DEPARTMENT;

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void everyViewAsOfAnEarlierInstantIsWhatTheLiveViewAnsweredThen() throws Exception {
        BoardScenario.seed(ledger);
        String complaint = fileComplaint("E7001");
        noContent(ledger.post("/api/complaints/" + complaint + "/reply",
                "{\"text\":\"We apologise.\",\"repliedAt\":\"" + Instant.now().minusSeconds(6) + "\"}"));
        noContent(ledger.post("/api/complaints/" + complaint + "/resolve",
                "{\"outcome\":\"SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"" + Instant.now().minusSeconds(5) + "\"}"));

        YearMonth month = YearMonth.now(SHANGHAI);
        String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
        List<String> views = List.of("/api/board", "/api/board/departments/" + DEPARTMENT, "/api/board.csv",
                "/api/board/rectifications.csv", "/api/board/departments/" + DEPARTMENT + "/findings.csv",
                "/api/scorecards?period=" + month, "/api/scorecards/" + DEPARTMENT + "?period=" + month,
                "/api/scorecards/" + DEPARTMENT + "?period=" + month.getYear(),
                "/api/rankings/service-stars?period=" + quarter);

        // A deadline may append an event at any moment (the scenario has an overdue rectification): capture again
        // until nothing was stored while the live answers were read.
        Map<String, String> atT1;
        Instant t1;
        long stored;
        do {
            stored = ledger.storedEvents();
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            atT1 = answers(views);
            t1 = Instant.now();
        } while (ledger.storedEvents() != stored);
        Instant capturedAt = t1;
        // Stored timestamps have millisecond precision: what happens next must not share T1's millisecond.
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(capturedAt.plusMillis(2)));

        noContent(ledger.post("/api/complaints/" + complaint + "/mark-invalid", "{\"reasonCode\":\"DUPLICATE\",\"note\":\"filed twice\"}"));
        fileComplaint("E7002");
        LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
        Map<String, String> later = answers(views);
        assertThat(later.get("/api/scorecards/" + DEPARTMENT + "?period=" + month))
                .as("the live scorecard moved on").isNotEqualTo(atT1.get("/api/scorecards/" + DEPARTMENT + "?period=" + month));
        assertThat(later.get("/api/rankings/service-stars?period=" + quarter))
                .as("the live ranking moved on").isNotEqualTo(atT1.get("/api/rankings/service-stars?period=" + quarter));

        // UTC, an unencoded offset as in the example, and the organisation's local time as the picker sends it.
        for (String asOf : List.of(t1.toString(), t1.atOffset(ZoneOffset.ofHours(8)).toString(),
                t1.atZone(SHANGHAI).toLocalDateTime().toString())) {
            for (String view : views) {
                RunningLedger.Response response = ledger.get(view + (view.contains("?") ? "&" : "?") + "asOf=" + asOf);
                assertThat(response.status()).as(view + " " + response.body()).isEqualTo(200);
                assertSameAnswer(view, response.body(), atT1.get(view));
            }
        }

        String page = ledger.get("/?asOf=" + t1 + "&lang=en").body();
        assertThat(page).contains("This is the board as it stood at")
                .contains("/departments/" + DEPARTMENT + "?asOf=" + t1);
        for (String otherPage : List.of("/departments/" + DEPARTMENT, "/rankings")) {
            RunningLedger.Response response = ledger.get(otherPage + "?asOf=" + t1 + "&lang=en");
            assertThat(response.status()).as(otherPage).isEqualTo(200);
            assertThat(response.body()).as(otherPage).contains("This is the board as it stood at");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/board", "/api/board/departments/" + DEPARTMENT, "/api/board.csv", "/",
            "/api/scorecards?period=2026-07", "/api/scorecards/" + DEPARTMENT + "?period=2026-07",
            "/api/rankings/service-stars?period=2026-Q3"})
    void aMalformedOrFutureAsOfIsAProblemNamingIt(String view) throws Exception {
        String separator = view.contains("?") ? "&" : "?";
        String future = Instant.now().plus(Duration.ofDays(1)).atOffset(ZoneOffset.ofHours(8)).toString();
        for (String asOf : List.of("yesterday", "2026-13-01T00:00:00+08:00", "2026-07-31", future)) {
            RunningLedger.Response response = ledger.get(view + separator + "asOf=" + asOf);
            assertThat(response.status()).as(view + " asOf=" + asOf).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        }
    }

    private static Map<String, String> answers(List<String> views) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String view : views) {
            RunningLedger.Response response = ledger.get(view);
            assertThat(response.status()).as(view).isEqualTo(200);
            answers.put(view, response.body());
        }
        return answers;
    }

    private static void assertSameAnswer(String view, String asOf, String live) throws Exception {
        if (view.contains(".csv")) {
            assertThat(asOf).as(view).isEqualTo(live);
        } else {
            assertThat(JSON.readTree(asOf)).as(view).isEqualTo(JSON.readTree(live));
        }
    }

    private static String fileComplaint(String employeeNumber) throws Exception {
        RunningLedger.Response filed = ledger.post("/api/complaints", "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\","
                + "\"category\":\"SERVICE_QUALITY\",\"departmentId\":\"" + DEPARTMENT + "\",\"employeeNumbers\":[\"" + employeeNumber
                + "\"],\"summary\":\"Long wait\",\"details\":\"Waited two hours\",\"receivedAt\":\"" + Instant.now().minusSeconds(10) + "\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return JSON.readTree(filed.body()).get("complaintId").asText();
    }

    private static void noContent(RunningLedger.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }
}
