package org.servicequality.ledger.ops.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --demo} on the real application: a smaller organisation than the default (fewer months, staff and
 * cases, for speed), seeded through the HTTP API with no refusal, and a second run adds nothing.
 */
class DemoSeedingTest {

    /** Five months always hold a quarter that ended long enough ago for its ratings and Service Star round to close. */
    static final String[] SMALL_DEMO = {"--demo", "--ledger.demo.months=5", "--ledger.demo.staff=80", "--ledger.demo.cases-per-month=25"};

    private static final List<String> EVERY_KIND_OF_EVENT = List.of(
            "DepartmentRegistered", "DepartmentRenamed", "ServiceCommitmentPublished", "ServiceCommitmentWithdrawn",
            "ServicePhraseStandardPublished", "ServiceVolumeReported", "ServiceVolumeCorrected",
            "StaffMemberEnrolled", "StaffMemberTransferred", "StaffMemberLeft",
            "ComplaintFiled", "ComplaintTriaged", "ComplaintAssistanceRequested", "ComplaintForwarded", "ComplaintEscalated",
            "ComplaintReplied", "ComplaintReplyOverdue", "ComplaintResolved", "SatisfactionFollowUpRecorded", "ComplaintReopened",
            "ComplaintWithdrawn", "ComplaintMarkedInvalid", "ComplainantPersonalDataErased",
            "CommendationReceived", "CommendationVerified", "CommendationRejected",
            "InspectionConducted", "FindingRecorded", "InspectionResultsCirculated", "FindingAppealed", "FindingUpheld", "FindingOverturned",
            "RectificationOrdered", "RectificationProgressReported", "RectificationEvidenceSubmitted", "RectificationEvidenceRejected",
            "RectificationVerified", "RectificationOverdue",
            "StarRatingAwarded", "StarRatingRevoked",
            "ServiceStarRoundOpened", "ServiceStarNominated", "ServiceStarAwarded", "ServiceStarRevoked", "ServiceStarRoundClosed");

    @TempDir
    Path dataDirectory;

    @Test
    void seedsAWholeOrganisationThroughTheApiAndASecondRunAddsNothing() throws Exception {
        long storedEvents;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, SMALL_DEMO)) {
            DemoSummary first = summaryOf(ledger);

            assertThat(first.refusals()).isEmpty();
            assertThat(first.refused()).isZero();
            assertThat(first.seededDifferently()).isFalse();
            assertThat(first.skipped()).isZero();
            assertThat(first.added()).isEqualTo(first.requests()).isGreaterThan(1_000);
            Map<String, Long> events = eventsByType(ledger);
            assertThat(events).containsKeys(EVERY_KIND_OF_EVENT.toArray(String[]::new));
            assertThat(events.get("DepartmentRegistered")).isEqualTo(planned(first, "departments")).isGreaterThanOrEqualTo(20L);
            assertThat(events.get("StaffMemberEnrolled")).isEqualTo(planned(first, "staff")).isGreaterThanOrEqualTo(80L);
            assertThat(events.get("ComplaintFiled")).isEqualTo(planned(first, "complaints and suggestions"));
            assertThat(events.get("CommendationReceived")).isEqualTo(planned(first, "commendations"));
            assertThat(events.get("InspectionConducted")).isEqualTo(planned(first, "inspections"));
            assertThat(events.get("FindingRecorded")).isEqualTo(planned(first, "findings"));
            assertThat(events.get("RectificationOrdered")).isEqualTo(planned(first, "rectifications"));
            assertThat(events.get("ServiceStarRoundOpened")).isEqualTo(planned(first, "service star rounds"));
            storedEvents = ledger.storedEvents();
        }

        try (RunningLedger again = RunningLedger.start(dataDirectory, SMALL_DEMO)) {
            DemoSummary second = summaryOf(again);

            assertThat(second.refused()).isZero();
            assertThat(second.added()).isZero();
            assertThat(again.storedEvents()).isEqualTo(storedEvents);
        }
    }

    @Test
    void aFailingDemoIsReportedAndTheServiceKeepsRunning() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--demo", "--ledger.demo.months=0")) {
            assertThatThrownBy(() -> summaryOf(ledger))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("ledger.demo.months must be 1 to 36");
            assertThat(ledger.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(ledger.post("/api/departments",
                    "{\"departmentId\":\"LAB\",\"nameZh\":\"检验科\",\"nameEn\":\"Laboratory\",\"kind\":\"MEDICAL_TECHNICAL\"}").status())
                    .isEqualTo(201);
        }
    }

    private static long planned(DemoSummary summary, String what) {
        return summary.planned().get(what).longValue();
    }

    static DemoSummary summaryOf(RunningLedger ledger) throws Exception {
        return ledger.context().getBean(DemoSeeding.class).awaitSummary(Duration.ofMinutes(8));
    }

    private static Map<String, Long> eventsByType(RunningLedger ledger) {
        Map<String, Long> counts = new TreeMap<>();
        new JdbcTemplate(ledger.context().getBean(DataSource.class))
                .query("SELECT payloadType, COUNT(*) FROM DomainEventEntry GROUP BY payloadType", row -> {
                    String type = row.getString(1);
                    counts.put(type.substring(type.lastIndexOf('.') + 1), row.getLong(2));
                });
        return counts;
    }
}
