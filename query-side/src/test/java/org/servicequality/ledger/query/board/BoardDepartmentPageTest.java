package org.servicequality.ledger.query.board;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.StarRatingAwarded;
import org.servicequality.ledger.api.award.StarRatingRevoked;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.ServiceCommitmentPublished;
import org.servicequality.ledger.api.department.ServiceCommitmentWithdrawn;
import org.servicequality.ledger.api.inspection.FindingAppealed;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.FindingUpheld;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.inspection.InspectionResultsCirculated;
import org.servicequality.ledger.api.rectification.RectificationEvidenceSubmitted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.servicequality.ledger.query.projection.ProjectionHarness.event;

/** The department page of the board: what it discloses, when, and how it names staff. */
class BoardDepartmentPageTest {

    /** "Now" for the board: 15 July 2026 in Shanghai. */
    private static final Clock JULY = Clock.fixed(Instant.parse("2026-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Instant T = Instant.parse("2026-07-01T02:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final BoardProjection projection = new BoardProjection(harness.mongo(), JULY);
    private final BoardQueries queries = new BoardQueries(harness.mongo(), JULY, BoardProjectionTest.noScorecards());

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private PublicBoard.DepartmentPage page() {
        return queries.handle(new FindDepartmentBoard("CARDIOLOGY")).orElseThrow();
    }

    private static List<EventMessage<?>> inspectionHistory() {
        return List.of(
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(new StaffMemberEnrolled("E1", "CARDIOLOGY", StaffRole.NURSING, "Nurse Name", T)),
                event(new StaffMemberEnrolled("E2", "CARDIOLOGY", StaffRole.CLEANING, "Cleaner Name", T)),
                event(new InspectionConducted("i-1", InspectionMethod.VIDEO_REVIEW, "CARDIOLOGY", "Inspector", T)),
                event(new FindingRecorded("i-1", "f-1", "CARDIOLOGY", "Clause 3", Severity.MAJOR, 5, false, List.of("E1"), "Not standing to greet", T)),
                event(new FindingRecorded("i-1", "f-2", "CARDIOLOGY", "Clause 9", null, 0, true, List.of("E2"), "Spotless floor", T)));
    }

    @Test
    void findingsAreDisclosedOnceCirculatedWithStaffByRoleAndTheAppealBesideThem() {
        harness.deliver(projection, inspectionHistory());
        assertThat(page().inspections()).as("not yet circulated").isEmpty();
        assertThat(page().department().trendComplaints()).as("statistics not there yet")
                .hasSize(12).containsOnly(0L);

        harness.deliver(projection,
                event(new InspectionResultsCirculated("i-1", "CARDIOLOGY", 2, 5, T.plusSeconds(60))),
                event(new FindingAppealed("i-1", "f-1", "CARDIOLOGY", "The nurse was with a patient", T.plusSeconds(120))));
        assertThat(page().inspections().get(0).findings().get(0).appealOutcome()).isEqualTo("PENDING");
        harness.deliver(projection,
                event(new FindingUpheld("i-1", "f-1", "CARDIOLOGY", Severity.MAJOR, 5, List.of("E1"), T, "Footage is clear", T.plusSeconds(180))));

        PublicBoard.Inspection inspection = page().inspections().get(0);
        assertThat(inspection.method()).isEqualTo("VIDEO_REVIEW");
        assertThat(inspection.findings()).containsExactly(
                new PublicBoard.Finding("f-1", "Clause 3", "MAJOR", 5, false, List.of("NURSING"), List.of(), "Not standing to greet",
                        "The nurse was with a patient", "UPHELD", "Footage is clear"),
                new PublicBoard.Finding("f-2", "Clause 9", null, 0, true, List.of(), List.of("E2"), "Spotless floor", null, null, null));
    }

    @Test
    void praiseIsShownOnlyOnceVerified() {
        harness.deliver(projection,
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(new CommendationReceived("p-1", Channel.LETTER, "CARDIOLOGY", List.of("E2"), "Kind and patient", T)),
                event(new CommendationReceived("p-2", Channel.WEB, "CARDIOLOGY", List.of("E3"), "Self-praise", T)));
        assertThat(page().commendations()).isEmpty();

        harness.deliver(projection,
                event(new CommendationVerified("p-1", "CARDIOLOGY", List.of("E2"), Channel.LETTER, T, T.plusSeconds(60))),
                event(new CommendationRejected("p-2", "CARDIOLOGY", CommendationRejectionReason.SOLICITED_OR_SELF_SUBMITTED, "own", T)));

        assertThat(page().commendations()).containsExactly(new PublicBoard.Commendation("p-1", List.of("E2"), "Kind and patient", T));
    }

    @Test
    void openRectificationsWithOverdueMarkedAndVerifiedOnesOnThePageOnly() {
        harness.deliver(projection,
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(rectification("r-late", LocalDate.of(2026, 7, 10))),
                event(rectification("r-due", LocalDate.of(2026, 7, 20))),
                event(rectification("r-done", LocalDate.of(2026, 7, 12))),
                event(new RectificationEvidenceSubmitted("r-due", "CARDIOLOGY", "E1", "photos", T)),
                event(new RectificationVerified("r-done", "CARDIOLOGY", "QA", "ok", T.plusSeconds(60), T, true)));

        PublicBoard.DepartmentRow row = queries.handle(new FindPublicBoard()).departments().get(0);
        assertThat(row.openRectifications()).extracting(PublicBoard.Rectification::rectificationId, PublicBoard.Rectification::status,
                        PublicBoard.Rectification::overdue)
                .containsExactly(tuple("r-late", "ORDERED", true),
                        tuple("r-due", "EVIDENCE_SUBMITTED", false));
        assertThat(page().rectifications()).extracting(PublicBoard.Rectification::rectificationId)
                .containsExactly("r-late", "r-done", "r-due");
    }

    @Test
    void theCurrentStarRatingIsTheLatestStandingOneAndTheHistoryKeepsRevokedOnes() {
        harness.deliver(projection,
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(new StarRatingAwarded("sr-1", "CARDIOLOGY", Period.parse("2026-Q1"), 3, Map.of(), T)),
                event(new StarRatingAwarded("sr-2", "CARDIOLOGY", Period.parse("2026-Q2"), 5, Map.of(), T)),
                event(new StarRatingRevoked("sr-2", "CARDIOLOGY", Period.parse("2026-Q2"), 5, "complaint upheld", T)),
                event(new ServiceCommitmentPublished("CARDIOLOGY", "k-1", "准时", "On time", T)),
                event(new ServiceCommitmentPublished("CARDIOLOGY", "k-2", "旧承诺", "Old promise", T)),
                event(new ServiceCommitmentWithdrawn("CARDIOLOGY", "k-2", T)));

        assertThat(page().department().starRating()).isEqualTo(new PublicBoard.StarRating("2026-Q1", 3, T, false));
        assertThat(page().starRatings()).containsExactly(
                new PublicBoard.StarRating("2026-Q2", 5, T, true), new PublicBoard.StarRating("2026-Q1", 3, T, false));
        assertThat(page().commitments()).extracting(PublicBoard.Commitment::textEn).containsExactly("On time");
    }

    @Test
    void aRedeliveredHistoryLeavesThePageAsItWas() {
        List<EventMessage<?>> history = inspectionHistory();
        harness.deliver(projection, history);
        harness.deliver(projection, event(new InspectionResultsCirculated("i-1", "CARDIOLOGY", 2, 5, T.plusSeconds(60))));
        PublicBoard.DepartmentPage once = page();

        harness.deliver(projection, history);

        assertThat(page()).isEqualTo(once);
    }

    @Test
    void liveAndReplayedPagesAreIdentical() {
        List<EventMessage<?>> history = new ArrayList<>(inspectionHistory());
        history.add(event(new InspectionResultsCirculated("i-1", "CARDIOLOGY", 2, 5, T.plusSeconds(60))));
        history.add(event(new FindingAppealed("i-1", "f-1", "CARDIOLOGY", "reply", T.plusSeconds(120))));
        history.add(event(rectification("r-1", LocalDate.of(2026, 7, 20))));
        history.add(event(new CommendationReceived("p-1", Channel.LETTER, "CARDIOLOGY", List.of("E2"), "Kind", T)));
        history.add(event(new CommendationVerified("p-1", "CARDIOLOGY", List.of("E2"), Channel.LETTER, T, T)));
        history.forEach(message -> harness.deliver(projection, message));
        List<Document> live = stored();

        projection.reset();
        harness.deliver(projection, history);

        assertThat(stored()).isEqualTo(live).isNotEmpty();
    }

    private List<Document> stored() {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of("board_departments", "board_staff")) {
            documents.addAll(harness.contentsOf(collection));
        }
        return documents;
    }

    private static RectificationOrdered rectification(String id, LocalDate due) {
        return new RectificationOrdered(id, RectificationSource.complaint("c-1"), "CARDIOLOGY", "Retrain " + id, due,
                due.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), T);
    }
}
