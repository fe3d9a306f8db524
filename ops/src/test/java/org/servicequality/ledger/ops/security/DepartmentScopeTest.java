package org.servicequality.ledger.ops.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A HANDLER acts on their own departments' cases only: another department's case is 404 to them on every endpoint
 * they can reach, and the refusal appends nothing. Who acted is in every event's metadata.
 */
class DepartmentScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;
    private static RunningLedger icuHandler;
    private static RunningLedger canteenHandler;
    private static RunningLedger qualityOffice;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        ledger.post("/api/departments", "{\"departmentId\":\"ICU\",\"nameZh\":\"重症医学科\",\"nameEn\":\"Intensive Care\",\"kind\":\"CLINICAL\"}");
        ledger.post("/api/departments", "{\"departmentId\":\"CANTEEN\",\"nameZh\":\"食堂\",\"nameEn\":\"Canteen\",\"kind\":\"LOGISTICS\"}");
        icuHandler = ledger.addUser("icu-handler", "icu-password", EnumSet.of(Role.HANDLER), "ICU");
        canteenHandler = ledger.addUser("canteen-handler", "canteen-password", EnumSet.of(Role.HANDLER), "CANTEEN");
        qualityOffice = ledger.addUser("quality-office", "qo-password", EnumSet.of(Role.QUALITY_OFFICE));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void anotherDepartmentsComplaintDoesNotExistForAHandlerAndTheirOwnDoes() throws Exception {
        String complaintId = fileComplaintAbout("CANTEEN");
        long before = ledger.storedEvents();

        RunningLedger.Response refused = icuHandler.post("/api/complaints/" + complaintId + "/reply", reply());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("rule").asText()).isEqualTo("id.unknown");
        assertThat(ledger.storedEvents()).isEqualTo(before);
        assertThat(icuHandler.get("/api/audit/cases/" + complaintId).status()).isEqualTo(404);
        assertThat(icuHandler.get("/api/audit/departments/CANTEEN/history").status()).isEqualTo(404);

        assertThat(canteenHandler.post("/api/complaints/" + complaintId + "/reply", reply()).status()).isEqualTo(204);
        assertThat(canteenHandler.get("/api/audit/departments/CANTEEN/history").status()).isEqualTo(200);
        JsonNode history = JSON.readTree(canteenHandler.get("/api/audit/cases/" + complaintId).body());
        assertThat(history.get(0).get("metaData").get("actor").asText()).isEqualTo(RunningLedger.TEST_USER);
        assertThat(history.get(1).get("metaData").get("actor").asText()).isEqualTo("canteen-handler");
    }

    @Test
    void forwardingACaseMovesItIntoTheNewDepartmentsScope() {
        String complaintId = fileComplaintAbout("CANTEEN");
        assertThat(icuHandler.get("/api/audit/cases/" + complaintId).status()).isEqualTo(404);

        assertThat(qualityOffice.post("/api/complaints/" + complaintId + "/forward",
                "{\"toDepartmentId\":\"ICU\",\"reason\":\"It happened on the ward\"}").status()).isEqualTo(204);

        assertThat(icuHandler.post("/api/complaints/" + complaintId + "/reply", reply()).status()).isEqualTo(204);
    }

    @Test
    void rectificationsAndFindingsAreScopedToo() throws Exception {
        String complaintId = fileComplaintAbout("CANTEEN");
        String rectificationId = JSON.readTree(qualityOffice.post("/api/rectifications",
                "{\"source\":{\"kind\":\"COMPLAINT\",\"complaintId\":\"" + complaintId + "\"},\"departmentId\":\"CANTEEN\",\"requiredAction\":\"Clean the counters\","
                        + "\"dueDate\":\"2099-01-01\",\"orderedAt\":\"" + Instant.now() + "\"}").body()).path("rectificationId").asText();
        long before = ledger.storedEvents();
        String evidence = "{\"submittedBy\":\"E1\",\"evidence\":\"Photos\",\"submittedAt\":\"" + Instant.now() + "\"}";

        assertThat(icuHandler.post("/api/rectifications/" + rectificationId + "/evidence", evidence).status()).isEqualTo(404);
        assertThat(ledger.storedEvents()).isEqualTo(before);
        assertThat(canteenHandler.post("/api/rectifications/" + rectificationId + "/evidence", evidence).status()).isEqualTo(204);
    }

    @Test
    void thePublicFilesThroughThePublicIntakeOnlyAndIsRecordedAsThePublic() throws Exception {
        RunningLedger anonymous = ledger.anonymous();
        long before = ledger.storedEvents();
        assertThat(anonymous.post("/api/complaints", complaintAbout("ICU")).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/departments/ICU/retire", "{}").status()).isEqualTo(401);
        assertThat(ledger.storedEvents()).isEqualTo(before);

        RunningLedger.Response filed = anonymous.post("/api/public/complaints", "{\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\","
                + "\"departmentId\":\"ICU\",\"summary\":\"Nobody answered the bell\"}");
        assertThat(filed.status()).isEqualTo(201);
        String complaintId = JSON.readTree(filed.body()).get("complaintId").asText();
        JsonNode history = JSON.readTree(ledger.get("/api/audit/cases/" + complaintId).body());
        assertThat(history.get(0).get("metaData").get("actor").asText()).isEqualTo("public");
        assertThat(history.get(0).get("payload").get("channel").asText()).isEqualTo("WEB");

        assertThat(anonymous.post("/api/public/commendations", "{\"departmentId\":\"ICU\",\"text\":\"Kind nurses\"}").status())
                .isEqualTo(201);
    }

    private static String fileComplaintAbout(String department) {
        try {
            return JSON.readTree(ledger.post("/api/complaints", complaintAbout(department)).body()).get("complaintId").asText();
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String complaintAbout(String department) {
        return "{\"channel\":\"PHONE_VOICE\",\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\",\"departmentId\":\"" + department
                + "\",\"summary\":\"Rude at the counter\",\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    private static String reply() {
        return "{\"text\":\"We apologise.\",\"repliedAt\":\"" + Instant.now() + "\"}";
    }
}
