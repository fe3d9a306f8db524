package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One complaint from intake to the public board, and every kind of bad input refused, over real HTTP. */
class FoundationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        assertThat(ledger.post("/api/departments",
                "{\"departmentId\":\"PHARMACY\",\"nameZh\":\"药剂科\",\"nameEn\":\"Pharmacy\",\"kind\":\"MEDICAL_TECHNICAL\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    static String complaintFor(String departmentId) {
        return complaintFor(departmentId, "2026-01-05T09:00:00+08:00");
    }

    static String complaintFor(String departmentId, String receivedAt) {
        return "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\",\"departmentId\":\"" + departmentId
                + "\",\"employeeNumbers\":[\"E1001\"],\"summary\":\"Rude at the counter\",\"details\":\"Told to wait outside\","
                + "\"receivedAt\":\"" + receivedAt + "\"}";
    }

    @Test
    void aComplaintFlowsFromIntakeToTheBoard() throws Exception {
        var department = ledger.post("/api/departments",
                "{\"departmentId\":\"CARDIOLOGY\",\"nameZh\":\"心内科\",\"nameEn\":\"Cardiology\",\"kind\":\"CLINICAL\"}");
        assertThat(department.status()).isEqualTo(201);
        assertThat(department.headers().getLocation()).hasToString("/api/board/departments/CARDIOLOGY");

        var filed = ledger.post("/api/complaints", complaintFor("CARDIOLOGY"));
        assertThat(filed.status()).isEqualTo(201);
        String complaintId = json(filed.body()).get("complaintId").asText();
        assertThat(filed.headers().getLocation()).hasToString("/api/complaints/" + complaintId);

        assertThat(ledger.post("/api/complaints/" + complaintId + "/reply",
                "{\"text\":\"We apologise and have spoken to the staff member.\",\"repliedAt\":\"2026-01-06T10:00:00+08:00\"}").status())
                .isEqualTo(204);
        assertThat(ledger.post("/api/complaints/" + complaintId + "/resolve",
                "{\"outcome\":\"SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-01-07T10:00:00+08:00\"}").status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode cardiology = departmentOnBoard("CARDIOLOGY");
            assertThat(cardiology.get("nameZh").asText()).isEqualTo("心内科");
            assertThat(cardiology.get("total").get("filed").asLong()).isEqualTo(1);
            assertThat(cardiology.get("total").get("replied").asLong()).isEqualTo(1);
            assertThat(cardiology.get("total").get("resolved").asLong()).isEqualTo(1);
        });

        var page = ledger.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("心内科").contains("<html lang=\"zh-CN\"");
        assertThat(ledger.get("/?lang=en").body()).contains("Cardiology").contains("<html lang=\"en\"");
        // The language switch keeps the rest of the query.
        assertThat(ledger.get("/rankings?period=2026-Q3").body()).contains("href=\"/rankings?period=2026-Q3&amp;lang=en\"");
    }

    private JsonNode departmentOnBoard(String departmentId) throws Exception {
        var board = ledger.get("/api/board");
        assertThat(board.status()).isEqualTo(200);
        for (JsonNode row : json(board.body()).get("departments")) {
            if (row.get("departmentId").asText().equals(departmentId)) {
                return row;
            }
        }
        throw new AssertionError(departmentId + " not on the board yet: " + board.body());
    }

    static Stream<Arguments> badInput() {
        String valid = complaintFor("PHARMACY");
        return Stream.of(
                Arguments.of("malformed JSON", "/api/complaints", "{\"channel\":", 400, null),
                Arguments.of("unknown channel", "/api/complaints", valid.replace("HOTLINE", "FAX"), 400, "channel"),
                Arguments.of("wrong type", "/api/complaints", valid.replace("[\"E1001\"]", "42"), 400, "employeeNumbers"),
                Arguments.of("bad time", "/api/complaints", valid.replace("2026-01-05T09:00:00+08:00", "yesterday"), 400, "receivedAt"),
                Arguments.of("missing summary", "/api/complaints", valid.replace("\"summary\":\"Rude at the counter\",", ""), 400, "summary"),
                Arguments.of("oversized summary", "/api/complaints", valid.replace("Rude at the counter", "x".repeat(201)), 400, "summary"),
                Arguments.of("bad employee number", "/api/complaints", valid.replace("E1001", "E 1001<script>"), 400, "employeeNumbers[0]"),
                Arguments.of("future receipt", "/api/complaints", valid.replace("2026-01-05T09:00:00+08:00", "2999-01-01T00:00:00Z"), 400, "receivedAt"),
                Arguments.of("unknown department", "/api/complaints", complaintFor("NOWHERE"), 404, "departmentId"),
                Arguments.of("unknown complaint", "/api/complaints/no-such-case/reply", "{\"text\":\"hi\",\"repliedAt\":\"2026-01-06T10:00:00+08:00\"}", 404, null),
                Arguments.of("bad department id", "/api/departments", "{\"departmentId\":\"A:B\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"kind\":\"CLINICAL\"}", 400, "departmentId"),
                Arguments.of("duplicate department", "/api/departments", "{\"departmentId\":\"PHARMACY\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"kind\":\"CLINICAL\"}", 409, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedWithAProblemAndAppendsNothing(String name, String path, String body, int status, String field) throws Exception {
        long before = ledger.storedEvents();

        var response = ledger.post(path, body);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(ledger.storedEvents()).isEqualTo(before);
    }

    @Test
    void stateRulesAreRefusedWithConflict() throws Exception {
        String complaintId = json(ledger.post("/api/complaints", complaintFor("PHARMACY")).body()).get("complaintId").asText();
        long before = ledger.storedEvents();

        var response = ledger.post("/api/complaints/" + complaintId + "/resolve",
                "{\"outcome\":\"SUBSTANTIATED\",\"rectificationRequired\":false,\"resolvedAt\":\"2026-01-07T10:00:00+08:00\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(json(response.body()).get("rule").asText()).isEqualTo("complaint.resolution-before-reply");
        assertThat(ledger.storedEvents()).isEqualTo(before);
    }
}
