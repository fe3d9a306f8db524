package org.servicequality.ledger.command.inspection;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.inspection.AppealFinding;
import org.servicequality.ledger.api.inspection.CirculateInspectionResults;
import org.servicequality.ledger.api.inspection.ConductInspection;
import org.servicequality.ledger.api.inspection.FindingAppealed;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.FindingUpheld;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.inspection.InspectionResultsCirculated;
import org.servicequality.ledger.api.inspection.OverturnFinding;
import org.servicequality.ledger.api.inspection.RecordFinding;
import org.servicequality.ledger.api.inspection.UpholdFinding;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.predicate;

class InspectionTest {

    private static final String ID = "i-1";
    private static final String DEPT = "BR-0101";
    private static final Instant CONDUCTED = Instant.parse("2026-07-01T02:00:00Z");
    private static final Instant CIRCULATED = CONDUCTED.plus(Duration.ofDays(2));
    private static final Instant APPEALED = CIRCULATED.plus(Duration.ofDays(1));
    private static final Instant DECIDED = APPEALED.plus(Duration.ofDays(3));
    private static final String PHRASE = "Forbidden phrase: 'not my job'";

    private AggregateTestFixture<Inspection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inspection.class);
        fixture.registerInjectableResource((DepartmentDirectory) DEPT::equals);
    }

    private static ConductInspection conduct(String departmentId, Instant at) {
        return new ConductInspection(ID, InspectionMethod.MYSTERY_SHOPPER, departmentId, "Supervisor Wang", at);
    }

    private static InspectionConducted conducted() {
        return new InspectionConducted(ID, InspectionMethod.MYSTERY_SHOPPER, DEPT, "Supervisor Wang", CONDUCTED);
    }

    private static RecordFinding record(String findingId, Severity severity, int points, boolean positive) {
        return new RecordFinding(ID, findingId, PHRASE, severity, points, positive, List.of("E1001"), "Heard at counter 3", null);
    }

    private static FindingRecorded recorded(String findingId, Severity severity, int points, boolean positive) {
        return new FindingRecorded(ID, findingId, DEPT, PHRASE, severity, points, positive, List.of("E1001"),
                "Heard at counter 3", CONDUCTED);
    }

    private static FindingRecorded shortcoming() {
        return recorded("f-1", Severity.SERIOUS, 5, false);
    }

    private static InspectionResultsCirculated circulated(int findings, int points) {
        return new InspectionResultsCirculated(ID, DEPT, findings, points, CIRCULATED);
    }

    private static FindingAppealed appealed() {
        return new FindingAppealed(ID, "f-1", DEPT, "The phrase was said to a colleague, not a customer", APPEALED);
    }

    @Test
    void conductsAnInspectionOfARegisteredDepartment() {
        fixture.givenNoPriorActivity()
                .when(conduct(DEPT, CONDUCTED))
                .expectEvents(conducted());
    }

    @Test
    void everyMethodIsAccepted() {
        for (InspectionMethod method : InspectionMethod.values()) {
            fixture.givenNoPriorActivity()
                    .when(new ConductInspection(ID, method, DEPT, "Citizen supervisor Li", CONDUCTED))
                    .expectEvents(new InspectionConducted(ID, method, DEPT, "Citizen supervisor Li", CONDUCTED));
        }
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(conduct("NOWHERE", CONDUCTED))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void refusesAnInspectionTimeInTheFuture() {
        fixture.givenCurrentTime(CONDUCTED)
                .andGivenCommands()
                .when(conduct(DEPT, CONDUCTED.plus(Duration.ofMinutes(30))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void toleratesAFewMinutesOfClockSkew() {
        fixture.givenCurrentTime(CONDUCTED)
                .andGivenCommands()
                .when(conduct(DEPT, CONDUCTED.plus(Duration.ofMinutes(4))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void recordsAFindingWithTheDepartmentAndInspectionTime() {
        fixture.given(conducted())
                .when(record("f-1", Severity.SERIOUS, 5, false))
                .expectEvents(shortcoming());
    }

    @Test
    void recordsAPositiveFindingWithoutDeductionOrSeverity() {
        fixture.given(conducted())
                .when(record("f-2", null, 0, true))
                .expectEvents(recorded("f-2", null, 0, true));
    }

    @Test
    void refusesNegativePoints() {
        fixture.given(conducted())
                .when(record("f-1", Severity.MINOR, -1, false))
                .expectNoEvents()
                .expectException(rejection("inspection.negative-points"));
    }

    @Test
    void refusesAPositiveFindingThatDeductsPoints() {
        fixture.given(conducted())
                .when(record("f-2", null, 2, true))
                .expectNoEvents()
                .expectException(rejection("inspection.positive-finding-deducts"));
    }

    @Test
    void refusesAPositiveFindingWithASeverity() {
        fixture.given(conducted())
                .when(record("f-2", Severity.MINOR, 0, true))
                .expectNoEvents()
                .expectException(rejection("inspection.positive-finding-severity"));
    }

    @Test
    void refusesAShortcomingWithoutSeverity() {
        fixture.given(conducted())
                .when(record("f-1", null, 3, false))
                .expectNoEvents()
                .expectException(rejection("inspection.severity-required"));
    }

    @Test
    void refusesTheSameFindingTwice() {
        fixture.given(conducted(), shortcoming())
                .when(record("f-1", Severity.SERIOUS, 5, false))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-already-recorded"));
    }

    @Test
    void circulatesResultsWithCountAndPoints() {
        fixture.given(conducted(), shortcoming(), recorded("f-2", Severity.MINOR, 2, false), recorded("f-3", null, 0, true))
                .when(new CirculateInspectionResults(ID, CIRCULATED, null))
                .expectEvents(circulated(3, 7));
    }

    @Test
    void refusesCirculatingTwice() {
        fixture.given(conducted(), circulated(0, 0))
                .when(new CirculateInspectionResults(ID, CIRCULATED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("inspection.already-circulated"));
    }

    @Test
    void refusesCirculationDatedBeforeTheInspection() {
        fixture.given(conducted())
                .when(new CirculateInspectionResults(ID, CONDUCTED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("time.out-of-order"));
    }

    @Test
    void refusesNewFindingsAfterCirculation() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(record("f-2", Severity.MINOR, 1, false))
                .expectNoEvents()
                .expectException(rejection("inspection.already-circulated"));
    }

    @Test
    void appealsACirculatedFinding() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(new AppealFinding(ID, "f-1", "The phrase was said to a colleague, not a customer", APPEALED, null))
                .expectEvents(appealed());
    }

    @Test
    void refusesAnAppealBeforeCirculation() {
        fixture.given(conducted(), shortcoming())
                .when(new AppealFinding(ID, "f-1", "Not fair", APPEALED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.not-circulated"));
    }

    @Test
    void refusesASecondAppeal() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed())
                .when(new AppealFinding(ID, "f-1", "Again", APPEALED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-already-appealed"));
    }

    @Test
    void refusesAnAppealAfterTheDecision() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed(), upheld())
                .when(new AppealFinding(ID, "f-1", "Again", DECIDED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-already-appealed"));
    }

    @Test
    void refusesAnAppealOfAPositiveFinding() {
        fixture.given(conducted(), recorded("f-3", null, 0, true), circulated(1, 0))
                .when(new AppealFinding(ID, "f-3", "Why", APPEALED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.positive-finding-not-appealable"));
    }

    @Test
    void refusesAnAppealOfAnUnknownFinding() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(new AppealFinding(ID, "nope", "Not fair", APPEALED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-unknown"));
    }

    @Test
    void refusesAnAppealDatedBeforeCirculation() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(new AppealFinding(ID, "f-1", "Not fair", CIRCULATED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("time.out-of-order"));
    }

    @Test
    void upholdsAnAppealedFindingRepeatingWhatTheFindingSaid() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed())
                .when(new UpholdFinding(ID, "f-1", "Recording confirms a customer was present", DECIDED, null))
                .expectEvents(upheld());
    }

    @Test
    void overturnsAnAppealedFindingGivingPointsBack() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed())
                .when(new OverturnFinding(ID, "f-1", "No customer was present", DECIDED, null))
                .expectEvents(new FindingOverturned(ID, "f-1", DEPT, 5, CONDUCTED, "No customer was present", DECIDED));
    }

    @Test
    void refusesToUpholdAFindingThatWasNotAppealed() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(new UpholdFinding(ID, "f-1", "Stands", DECIDED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-not-appealed"));
    }

    @Test
    void refusesToOverturnAFindingThatWasNotAppealed() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5))
                .when(new OverturnFinding(ID, "f-1", "Void", DECIDED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-not-appealed"));
    }

    @Test
    void refusesASecondDecision() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed(), upheld())
                .when(new OverturnFinding(ID, "f-1", "Changed our mind", DECIDED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-already-decided"));
    }

    @Test
    void refusesADecisionDatedBeforeTheAppeal() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed())
                .when(new UpholdFinding(ID, "f-1", "Stands", APPEALED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("time.out-of-order"));
    }

    @Test
    void refusesADecisionOnAnUnknownFinding() {
        fixture.given(conducted(), shortcoming(), circulated(1, 5), appealed())
                .when(new UpholdFinding(ID, "nope", "Stands", DECIDED, null))
                .expectNoEvents()
                .expectException(rejection("inspection.finding-unknown"));
    }

    @Test
    void anAppealOfOneFindingLeavesTheOthersOpenToAppeal() {
        fixture.given(conducted(), shortcoming(), recorded("f-2", Severity.MINOR, 2, false), circulated(2, 7), appealed())
                .when(new AppealFinding(ID, "f-2", "Also unfair", APPEALED, null))
                .expectEvents(new FindingAppealed(ID, "f-2", DEPT, "Also unfair", APPEALED));
    }

    @Test
    void aDecisionOnOneFindingLeavesTheOthersOpenToDecision() {
        fixture.given(conducted(), shortcoming(), recorded("f-2", Severity.MINOR, 2, false), circulated(2, 7), appealed(),
                        new FindingAppealed(ID, "f-2", DEPT, "Also unfair", APPEALED), upheld())
                .when(new OverturnFinding(ID, "f-2", "Sign was missing, not the greeting", DECIDED, null))
                .expectEvents(new FindingOverturned(ID, "f-2", DEPT, 2, CONDUCTED, "Sign was missing, not the greeting", DECIDED));
    }

    @Test
    void decisionsConcernOnlyTheirOwnFinding() {
        fixture.given(conducted(), shortcoming(), recorded("f-2", Severity.MINOR, 2, false), circulated(2, 7), appealed(),
                        new FindingAppealed(ID, "f-2", DEPT, "Also unfair", APPEALED))
                .when(new OverturnFinding(ID, "f-2", "Sign was missing, not the greeting", DECIDED, null))
                .expectEvents(new FindingOverturned(ID, "f-2", DEPT, 2, CONDUCTED, "Sign was missing, not the greeting", DECIDED));
    }

    private static FindingUpheld upheld() {
        return new FindingUpheld(ID, "f-1", DEPT, Severity.SERIOUS, 5, List.of("E1001"), CONDUCTED,
                "Recording confirms a customer was present", DECIDED);
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }
}
