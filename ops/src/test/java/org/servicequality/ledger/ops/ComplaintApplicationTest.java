package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.api.complaint.ComplainantPersonalDataErased;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintReplyOverdue;
import org.servicequality.ledger.command.complaint.ComplainantContacts;
import org.servicequality.ledger.command.personaldata.ContactReading;
import org.servicequality.ledger.command.personaldata.PersonalDataProtector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The complaint API on the real single-process application with its embedded H2 event store: personal
 * data never reaches the event store readable, erasure shreds it without breaking the history, and the
 * HTTP layer maps every refusal to the documented status and rule.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintApplicationTest {

    private static final String NAME = "王小明";
    private static final String PHONE = "138 0013 8000";
    private static final String EMAIL = "wang.xiaoming@example.cn";
    private static final String FREE_TEXT = "Call after six, ask for Ming at room 1207";

    @TempDir
    static Path dataDir;

    static {
        LedgerApplication.disableAxonUpdateChecker();
    }

    @BeforeAll
    static void users() {
        RunningLedger.writeTestUser(dataDir);
    }

    @BeforeEach
    void logIn() {
        http = anonymous.withBasicAuth(RunningLedger.TEST_USER, RunningLedger.TEST_PASSWORD);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("server.port", () -> "0");
        // Due deadlines are picked up by polling; the default of ten seconds would only slow the test down.
        registry.add("db-scheduler.polling-interval", () -> "500ms");
    }

    @Autowired
    TestRestTemplate anonymous;
    TestRestTemplate http;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventStore eventStore;
    @Autowired
    ComplainantContacts contacts;
    @Autowired
    PersonalDataProtector personalData;

    @Test
    void erasureShredsTheContactAndLeavesAReplayableHistory() {
        String department = registerDepartment();
        String complaintId = fileComplaint(department, Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "freeText", FREE_TEXT));

        assertThat(contacts.contactOf(complaintId)).hasValueSatisfying(reading -> {
            assertThat(reading.erased()).isFalse();
            assertThat(reading.contact().name()).isEqualTo(NAME);
            assertThat(reading.contact().phone()).isEqualTo(PHONE);
        });
        assertNoPlainContactStored(complaintId);

        ResponseEntity<JsonNode> erased = post("/api/complaints/" + complaintId + "/erase-personal-data",
                Map.of("requestedBy", "dpo-office", "reason", "Data subject request DSR-2026-117"), null);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertNoPlainContactStored(complaintId);
        // Every stored event still deserializes, in order, and the filing still carries its ciphertext.
        List<Object> history = new ArrayList<>();
        eventStore.readEvents(complaintId).asStream().map(DomainEventMessage::getPayload).forEach(history::add);
        assertThat(history).hasSize(2);
        ComplaintFiled filed = (ComplaintFiled) history.get(0);
        assertThat(history.get(1)).isInstanceOfSatisfying(ComplainantPersonalDataErased.class, erasure -> {
            assertThat(erasure.keyId()).isEqualTo(filed.complainantContact().keyId());
            assertThat(erasure.requestedBy()).isEqualTo("dpo-office");
        });
        // The key itself is gone, not merely hidden behind the erasure event.
        assertThat(personalData.read(filed.complainantContact())).isEqualTo(ContactReading.ERASED);
        assertThat(contacts.contactOf(complaintId)).contains(ContactReading.ERASED);
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM personal_data_key WHERE key_id = ? AND key_material IS NULL AND destruction_requested_at IS NOT NULL AND destroyed_at IS NOT NULL",
                Integer.class, filed.complainantContact().keyId())).isEqualTo(1);

        // The aggregate still loads from the shredded history and takes further commands.
        Instant repliedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> reply = post("/api/complaints/" + complaintId + "/reply",
                Map.of("text", "We apologise and have spoken to the staff member.", "repliedAt", repliedAt.toString()), "\"1\"");
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventStore.readEvents(complaintId).asStream().map(DomainEventMessage::getPayload).toList())
                .last().isInstanceOf(ComplaintReplied.class);

        ResponseEntity<JsonNode> again = post("/api/complaints/" + complaintId + "/erase-personal-data",
                Map.of("requestedBy", "dpo-office", "reason", "Repeat"), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("rule").asText()).isEqualTo("complaint.personal-data-already-erased");
    }

    @Test
    void aComplaintWithoutAReplyByItsDueTimeBecomesOverdueThroughThePersistentDeadline() {
        String department = registerDepartment();
        Instant longAgo = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = filingBody(department, null);
        body.put("receivedAt", longAgo.toString());
        ResponseEntity<JsonNode> filed = post("/api/complaints", body, null);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String complaintId = filed.getBody().path("complaintId").asText();

        ComplaintFiled filing = (ComplaintFiled) eventStore.readEvents(complaintId).next().getPayload();
        assertThat(filing.replyDueBy()).isBefore(Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(eventStore.readEvents(complaintId).asStream().map(DomainEventMessage::getPayload).toList())
                        .last().isEqualTo(new ComplaintReplyOverdue(complaintId, department, filing.replyDueOn(), filing.replyDueBy())));
    }

    @Test
    void theLifecycleRunsOverHttpWithIfMatch() {
        String department = registerDepartment();
        String other = registerDepartment();
        String complaintId = fileComplaint(department, null);
        String base = "/api/complaints/" + complaintId;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertThat(post(base + "/triage", Map.of("category", "PROCESS", "severity", "MAJOR", "handlingDepartmentId", department), "\"0\"")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/assistance-requests", Map.of("assistingDepartmentId", other, "request", "Check the queue log"), "\"1\"")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/escalate", Map.of("reason", "Repeat complaint"), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/forward", Map.of("toDepartmentId", other, "reason", "Queue belongs to them"), "\"3\"")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/reply", Map.of("text", "Sorry", "repliedAt", now.toString()), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/resolve", Map.of("outcome", "SUBSTANTIATED", "rectificationRequired", true, "resolvedAt", now.toString()), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/satisfaction-follow-up", Map.of("score", 4, "comment", "OK", "followedUpAt", now.toString()), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(base + "/reopen", Map.of("reason", "Disputed"), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> stale = post(base + "/mark-invalid", Map.of("reasonCode", "DUPLICATE", "note", "Same as an earlier case"), "\"2\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("rule").asText()).isEqualTo("if-match.stale");
        assertThat(post(base + "/mark-invalid", Map.of("reasonCode", "DUPLICATE", "note", "Same as an earlier case"), "\"8\"")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> afterMark = post(base + "/withdraw", Map.of("reason", "Changed my mind"), null);
        assertThat(afterMark.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterMark.getBody().path("rule").asText()).isEqualTo("complaint.marked-invalid");
    }

    @Test
    void refusalsGetTheDocumentedStatusAndRule() {
        String department = registerDepartment();
        String complaintId = fileComplaint(department, null);
        String base = "/api/complaints/" + complaintId;

        ResponseEntity<JsonNode> oversized = post(base + "/escalate", Map.of("reason", "x".repeat(5001)), null);
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oversized.getBody().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        ResponseEntity<JsonNode> score = post(base + "/satisfaction-follow-up", Map.of("score", 9, "followedUpAt", Instant.now().toString()), null);
        assertThat(score.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(score.getBody().path("errors").get(0).path("field").asText()).isEqualTo("score");

        ResponseEntity<JsonNode> unknownDepartment = post(base + "/forward", Map.of("toDepartmentId", "NO-SUCH-DEPT", "reason", "Away"), null);
        assertThat(unknownDepartment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownDepartment.getBody().path("rule").asText()).isEqualTo("department.unknown");

        ResponseEntity<JsonNode> unknownCase = post("/api/complaints/" + UUID.randomUUID() + "/withdraw", Map.of("reason", "Gone"), null);
        assertThat(unknownCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> beforeReply = post(base + "/satisfaction-follow-up", Map.of("score", 3, "followedUpAt", Instant.now().toString()), null);
        assertThat(beforeReply.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(beforeReply.getBody().path("rule").asText()).isEqualTo("complaint.follow-up-before-reply");

        ResponseEntity<JsonNode> badEmail = post("/api/complaints", filingBody(department, Map.of("email", "not an address")), null);
        assertThat(badEmail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEmail.getBody().path("errors").get(0).path("field").asText()).isEqualTo("complainantContact.email");

        ResponseEntity<JsonNode> emptyContact = post("/api/complaints", filingBody(department, Map.of("name", " ")), null);
        assertThat(emptyContact.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(emptyContact.getBody().path("rule").asText()).isEqualTo("complaint.contact-empty");

        ResponseEntity<JsonNode> noContact = post(base + "/erase-personal-data", Map.of("requestedBy", "dpo", "reason", "Request"), null);
        assertThat(noContact.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(noContact.getBody().path("rule").asText()).isEqualTo("complaint.no-personal-data");
    }

    private void assertNoPlainContactStored(String complaintId) {
        List<String> stored = new JdbcTemplate(dataSource).query(
                "SELECT payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                (row, index) -> utf8(row.getBytes(1)) + "\n" + utf8(row.getBytes(2)), complaintId);
        assertThat(stored).isNotEmpty();
        assertThat(String.join("\n", stored))
                .contains("complainantContact")
                .doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("13800138000")
                .doesNotContain(EMAIL).doesNotContain(FREE_TEXT).doesNotContain("room 1207");
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private String registerDepartment() {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> response = post("/api/departments",
                Map.of("departmentId", id, "nameZh", "门诊部", "nameEn", "Outpatients", "kind", "CLINICAL"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private String fileComplaint(String department, Map<String, String> contact) {
        ResponseEntity<JsonNode> response = post("/api/complaints", filingBody(department, contact), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("complaintId").asText();
    }

    private static Map<String, Object> filingBody(String department, Map<String, String> contact) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "channel", "HOTLINE", "kind", "COMPLAINT", "category", "SERVICE_ATTITUDE", "departmentId", department,
                "employeeNumbers", List.of("E1001"), "summary", "Rude at the registration window",
                "details", "Waited forty minutes and was shouted at.",
                "receivedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        if (contact != null) {
            body.put("complainantContact", contact);
        }
        return body;
    }

    private ResponseEntity<JsonNode> post(String path, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
