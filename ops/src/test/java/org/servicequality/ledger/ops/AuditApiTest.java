package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/** Histories and exports as an auditor takes them away: complete, checkable, and free of personal data. */
class AuditApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "Zhang Xiuying";
    private static final String PHONE = "13812345678";

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;
    private static String complaintId;
    private static Instant start;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDirectory);
        start = Instant.now().minusSeconds(1);
        ledger.post("/api/departments", "{\"departmentId\":\"ICU\",\"nameZh\":\"重症医学科\",\"nameEn\":\"Intensive Care\",\"kind\":\"CLINICAL\"}");
        ledger.post("/api/departments", "{\"departmentId\":\"CANTEEN\",\"nameZh\":\"食堂\",\"nameEn\":\"Canteen\",\"kind\":\"LOGISTICS\"}");
        complaintId = json(ledger.post("/api/complaints", "{\"channel\":\"PHONE_VOICE\",\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\","
                + "\"departmentId\":\"ICU\",\"summary\":\"Visiting hours refused\",\"receivedAt\":\"" + Instant.now() + "\","
                + "\"complainantContact\":{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\"}}").body()).get("complaintId").asText();
        ledger.post("/api/complaints/" + complaintId + "/reply", "{\"text\":\"Explained the rules\",\"repliedAt\":\"" + Instant.now() + "\"}");
        ledger.post("/api/complaints", FoundationEndToEndTest.complaintFor("CANTEEN", Instant.now().toString()));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aCaseHistoryShowsEveryEventWithItsMetadataAndOnlyWhetherPersonalDataIsPresent() throws Exception {
        var response = ledger.get("/api/audit/cases/" + complaintId);
        assertThat(response.status()).isEqualTo(200);
        JsonNode history = json(response.body());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("payloadType").asText()).endsWith("ComplaintFiled");
        assertThat(history.get(0).get("sequenceNumber").asLong()).isZero();
        assertThat(history.get(1).get("payloadType").asText()).endsWith("ComplaintReplied");
        assertThat(history.get(0).get("metaData").get("actor").asText()).isEqualTo(RunningLedger.TEST_USER);
        assertThat(history.get(0).get("metaData").get("eventHash").asText()).hasSize(64);
        assertThat(history.get(0).get("payload").get("complainantContact").get("personalData").asText()).isEqualTo("present");
        assertThat(response.body()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("ciphertext");

        assertThat(ledger.get("/api/audit/cases/no-such-case").status()).isEqualTo(404);
    }

    @Test
    void erasedPersonalDataShowsAsErased() throws Exception {
        String other = json(ledger.post("/api/complaints", "{\"channel\":\"WEB\",\"kind\":\"SUGGESTION\",\"category\":\"ENVIRONMENT\","
                + "\"departmentId\":\"ICU\",\"summary\":\"More chairs\",\"receivedAt\":\"" + Instant.now() + "\","
                + "\"complainantContact\":{\"email\":\"someone@example.org\"}}").body()).get("complaintId").asText();
        assertThat(ledger.post("/api/complaints/" + other + "/erase-personal-data",
                "{\"requestedBy\":\"dpo\",\"reason\":\"request\"}").status()).isEqualTo(204);

        JsonNode history = json(ledger.get("/api/audit/cases/" + other).body());
        assertThat(history.get(0).get("payload").get("complainantContact").get("personalData").asText()).isEqualTo("erased");
    }

    @Test
    void aJsonLinesExportMatchesItsManifestAndRereadsAsTheSameEvents() throws Exception {
        Map<String, byte[]> zip = download("/api/audit/exports/events?format=jsonl&from=" + start + "&to=" + Instant.now().plusSeconds(60));
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        byte[] file = zip.get("events.jsonl");

        assertThat(manifest.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(manifest.get("eventCount").asInt());
        long perType = 0;
        for (JsonNode count : manifest.get("eventCountsByType")) {
            perType += count.asLong();
        }
        assertThat(perType).isEqualTo(lines.size());
        // Re-read: the exported events of the case are exactly its history.
        List<JsonNode> exportedCase = lines.stream().filter(line -> line.get("aggregateIdentifier").asText().equals(complaintId)).toList();
        assertThat(exportedCase.get(0).get("eventIdentifier")).isEqualTo(json(ledger.get("/api/audit/cases/" + complaintId).body()).get(0).get("eventIdentifier"));
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain(NAME).doesNotContain(PHONE).contains("\"personalData\":\"redacted\"");
    }

    @Test
    void aCsvExportForOneDepartmentHoldsOnlyThatDepartmentsEvents() throws Exception {
        Map<String, byte[]> zip = download("/api/audit/exports/events?format=csv&department=CANTEEN&from=" + start
                + "&to=" + Instant.now().plusSeconds(60));
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(zip.get("events.csv"), StandardCharsets.UTF_8))).getRecords();

        assertThat(rows).hasSize(manifest.get("eventCount").asInt()).hasSize(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("payload")).contains("CANTEEN"));
        assertThat(manifest.get("departmentId").asText()).isEqualTo("CANTEEN");
    }

    @Test
    void aDepartmentsHistoryIsPagedAcrossAggregates() throws Exception {
        List<String> types = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 10; page++) {
            JsonNode body = json(ledger.get("/api/audit/departments/ICU/history?limit=1" + cursor).body());
            body.get("events").forEach(event -> types.add(event.get("payloadType").asText().replaceAll(".*\\.", "")));
            if (body.get("nextAfter").isNull()) {
                break;
            }
            cursor = "&after=" + body.get("nextAfter").asLong();
        }
        // Registration, then the filing and the reply of the case handled by ICU (other tests may add more).
        assertThat(types).startsWith("DepartmentRegistered", "ComplaintFiled", "ComplaintReplied");
        assertThat(types).doesNotContain("ServicePhraseStandardPublished");
        assertThat(json(ledger.get("/api/audit/departments/ICU/history?from=2999-01-01T00:00:00Z").body()).get("events")).isEmpty();
    }

    @Test
    void aStaffMembersHistoryHoldsEveryEventNamingTheirEmployeeNumber() throws Exception {
        JsonNode body = json(ledger.get("/api/audit/staff/E1001/history").body());
        assertThat(body.get("events")).isNotEmpty();
        body.get("events").forEach(event -> assertThat(event.get("payload").get("employeeNumbers").toString()).contains("E1001"));
        assertThat(ledger.get("/api/audit/staff/E1001/history?limit=0").status()).isEqualTo(400);
    }

    @Test
    void badExportParametersAreProblems() {
        assertThat(ledger.get("/api/audit/exports/events?from=yesterday&to=today").status()).isEqualTo(400);
        assertThat(ledger.get("/api/audit/exports/events?format=xml&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(ledger.get("/api/audit/exports/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    private static Map<String, byte[]> download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ledger.baseUrl() + path)).header("Authorization", ledger.authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
