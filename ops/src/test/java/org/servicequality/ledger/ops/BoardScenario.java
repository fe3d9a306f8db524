package org.servicequality.ledger.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A department with everything the board discloses, entered through the real command API, and a
 * complaint full of recognisable personal data that the board must never show.
 */
final class BoardScenario {

    static final String DEPARTMENT = "ORTHOPAEDICS";
    static final String NEGATIVE_FINDING_CLAUSE = "Forbidden phrase 3";
    static final String APPEAL_REPLY = "We dispute this: the phrase was not used";
    static final String COMMENDATION_TEXT = "Thank you for the spotless ward";

    /** Text that identifies the complainant or tells their story, and staff names: none may reach the board. */
    static final List<String> PERSONAL_DATA = List.of(
            "Zhao Complainant", "139 1234 5678", "13912345678", "zhao.secret@example.org", "Room 12, Lane 34",
            "DETAILS-SECRET", "SUMMARY-SECRET", "REPLY-SECRET", "FOLLOWUP-SECRET", "Wang Xiaoming", "Li Cleanhands");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private BoardScenario() {
    }

    static void seed(RunningLedger ledger) {
        Instant now = Instant.now();
        YearMonth thisMonth = YearMonth.now(SHANGHAI);
        LocalDate today = LocalDate.now(SHANGHAI);
        created(ledger.post("/api/departments", "{\"departmentId\":\"" + DEPARTMENT
                + "\",\"nameZh\":\"骨科\",\"nameEn\":\"Orthopaedics\",\"kind\":\"CLINICAL\"}"));
        created(ledger.post("/api/departments/" + DEPARTMENT + "/commitments",
                "{\"textZh\":\"挂号后30分钟内就诊\",\"textEn\":\"Seen within 30 minutes of registration\"}"));
        noContent(ledger.post("/api/departments/" + DEPARTMENT + "/phrase-standard",
                "{\"courteousPhrases\":[\"您好\"],\"forbiddenPhrases\":[\"不知道\"]}"));
        noContent(ledger.post("/api/departments/" + DEPARTMENT + "/service-volume",
                "{\"period\":\"" + thisMonth + "\",\"serviceContacts\":5000}"));
        created(ledger.post("/api/staff", "{\"employeeNumber\":\"E7001\",\"departmentId\":\"" + DEPARTMENT
                + "\",\"role\":\"NURSING\",\"displayName\":\"Wang Xiaoming\"}"));
        created(ledger.post("/api/staff", "{\"employeeNumber\":\"E7002\",\"departmentId\":\"" + DEPARTMENT
                + "\",\"role\":\"CLEANING\",\"displayName\":\"Li Cleanhands\"}"));

        String complaint = idOf(created(ledger.post("/api/complaints", "{\"channel\":\"WEB\",\"kind\":\"COMPLAINT\","
                + "\"category\":\"SERVICE_ATTITUDE\",\"departmentId\":\"" + DEPARTMENT + "\",\"employeeNumbers\":[\"E7001\"],"
                + "\"summary\":\"SUMMARY-SECRET rude nurse\",\"details\":\"DETAILS-SECRET my mother was shouted at\","
                + "\"receivedAt\":\"" + now.minusSeconds(600) + "\",\"complainantContact\":{\"name\":\"Zhao Complainant\","
                + "\"phone\":\"+86 139 1234 5678\",\"email\":\"zhao.secret@example.org\",\"freeText\":\"Room 12, Lane 34, call 13912345678\"}}")));
        noContent(ledger.post("/api/complaints/" + complaint + "/reply",
                "{\"text\":\"REPLY-SECRET Dear Zhao Complainant, we apologise\",\"repliedAt\":\"" + now.minusSeconds(500) + "\"}"));
        noContent(ledger.post("/api/complaints/" + complaint + "/resolve",
                "{\"outcome\":\"SUBSTANTIATED\",\"rectificationRequired\":true,\"resolvedAt\":\"" + now.minusSeconds(450) + "\"}"));
        noContent(ledger.post("/api/complaints/" + complaint + "/satisfaction-follow-up",
                "{\"score\":4,\"comment\":\"FOLLOWUP-SECRET Zhao Complainant is happier\",\"followedUpAt\":\"" + now.minusSeconds(400) + "\"}"));

        String inspection = idOf(created(ledger.post("/api/inspections", "{\"method\":\"MYSTERY_SHOPPER\",\"departmentId\":\""
                + DEPARTMENT + "\",\"inspector\":\"Supervisor Q\",\"conductedAt\":\"" + now.minusSeconds(350) + "\"}")));
        String negative = idOf(created(ledger.post("/api/inspections/" + inspection + "/findings",
                "{\"standardClause\":\"" + NEGATIVE_FINDING_CLAUSE + "\",\"severity\":\"MINOR\",\"pointsDeducted\":2,"
                        + "\"employeeNumbers\":[\"E7001\"],\"description\":\"Told a patient to wait outside\"}")));
        created(ledger.post("/api/inspections/" + inspection + "/findings",
                "{\"standardClause\":\"Tidy ward\",\"positive\":true,\"pointsDeducted\":0,"
                        + "\"employeeNumbers\":[\"E7002\"],\"description\":\"Exemplary cleaning\"}"));
        noContent(ledger.post("/api/inspections/" + inspection + "/circulate", "{\"circulatedAt\":\"" + now.minusSeconds(300) + "\"}"));
        noContent(ledger.post("/api/inspections/" + inspection + "/findings/" + negative + "/appeal",
                "{\"reply\":\"" + APPEAL_REPLY + "\",\"appealedAt\":\"" + now.minusSeconds(250) + "\"}"));
        noContent(ledger.post("/api/inspections/" + inspection + "/findings/" + negative + "/overturn",
                "{\"reason\":\"The video shows the phrase was not used\",\"decidedAt\":\"" + now.minusSeconds(200) + "\"}"));

        created(ledger.post("/api/rectifications", "{\"source\":{\"kind\":\"COMPLAINT\",\"complaintId\":\"" + complaint + "\"},"
                + "\"departmentId\":\"" + DEPARTMENT + "\",\"requiredAction\":\"Retrain reception staff in courteous phrases\","
                + "\"dueDate\":\"" + today.minusDays(2) + "\",\"orderedAt\":\"" + now.minus(Duration.ofDays(5)) + "\"}"));
        created(ledger.post("/api/rectifications", "{\"source\":{\"kind\":\"FINDING\",\"inspectionId\":\"" + inspection
                + "\",\"findingId\":\"" + negative + "\"},\"departmentId\":\"" + DEPARTMENT
                + "\",\"requiredAction\":\"Post the phrase standard at the counter\",\"dueDate\":\"" + today.plusDays(10)
                + "\",\"orderedAt\":\"" + now.minusSeconds(150) + "\"}"));

        String commendation = idOf(created(ledger.post("/api/commendations", "{\"channel\":\"LETTER\",\"departmentId\":\""
                + DEPARTMENT + "\",\"employeeNumbers\":[\"E7002\"],\"text\":\"" + COMMENDATION_TEXT + "\",\"receivedAt\":\""
                + now.minusSeconds(100) + "\"}")));
        noContent(ledger.post("/api/commendations/" + commendation + "/verify", "{}"));

        YearMonth lastQuarterMonth = thisMonth.minusMonths(3);
        created(ledger.post("/api/star-ratings", "{\"departmentId\":\"" + DEPARTMENT + "\",\"period\":\"" + lastQuarterMonth.getYear()
                + "-Q" + ((lastQuarterMonth.getMonthValue() - 1) / 3 + 1) + "\",\"stars\":4,\"scores\":{\"SERVICE_ENVIRONMENT\":90,"
                + "\"SERVICE_ATTITUDE\":85,\"SERVICE_QUALITY\":88,\"DISCIPLINE\":92,\"PUBLIC_SATISFACTION\":80,\"COMPLAINT_HANDLING\":86},"
                + "\"awardedAt\":\"" + now.minusSeconds(50) + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String page = ledger.get("/api/board/departments/" + DEPARTMENT).body();
            return page.contains("OVERTURNED") && page.contains(COMMENDATION_TEXT) && page.contains("\"stars\":4")
                    && page.contains("\"complaints\":1") && page.contains("\"commendations\":1");
        });
    }

    private static RunningLedger.Response created(RunningLedger.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static void noContent(RunningLedger.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static String idOf(RunningLedger.Response response) {
        String location = response.headers().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
