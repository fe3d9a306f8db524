package org.servicequality.ledger.command.rectification;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.rectification.OrderRectification;
import org.servicequality.ledger.api.rectification.RectificationEvidenceRejected;
import org.servicequality.ledger.api.rectification.RectificationEvidenceSubmitted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationOverdue;
import org.servicequality.ledger.api.rectification.RectificationProgressReported;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.rectification.RejectRectificationEvidence;
import org.servicequality.ledger.api.rectification.ReportRectificationProgress;
import org.servicequality.ledger.api.rectification.SubmitRectificationEvidence;
import org.servicequality.ledger.api.rectification.VerifyRectification;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.axonframework.test.matchers.Matchers.predicate;

class RectificationTest {

    private static final String ID = "r-1";
    private static final String DEPT = "CARDIOLOGY";
    private static final RectificationSource SOURCE = RectificationSource.finding("i-1", "f-1");
    private static final Instant ORDERED = Instant.parse("2026-07-01T02:00:00Z");
    private static final LocalDate DUE_DATE = LocalDate.of(2026, 7, 31);
    /** The end of 31 July 2026 in Shanghai (UTC+8). */
    private static final Instant DUE_AT = Instant.parse("2026-07-31T16:00:00Z");
    private static final Instant SUBMITTED = ORDERED.plus(Duration.ofDays(10));
    private static final Instant JUDGED = SUBMITTED.plus(Duration.ofDays(1));
    /** Late enough for every step of the happy path to lie in the past. */
    private static final Instant NOW = JUDGED.plus(Duration.ofHours(1));
    private static final String ACTION = "Retrain counter staff in courteous phrases";

    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
        fixture.registerInjectableResource((DepartmentDirectory) DEPT::equals);
        fixture.registerInjectableResource(ZoneId.of("Asia/Shanghai"));
    }

    private static OrderRectification order(RectificationSource source, String departmentId, LocalDate dueDate) {
        return new OrderRectification(ID, source, departmentId, ACTION, dueDate, ORDERED);
    }

    private static OrderRectification order() {
        return order(SOURCE, DEPT, DUE_DATE);
    }

    private static RectificationOrdered ordered() {
        return new RectificationOrdered(ID, SOURCE, DEPT, ACTION, DUE_DATE, DUE_AT, ORDERED);
    }

    private static RectificationEvidenceSubmitted submitted() {
        return new RectificationEvidenceSubmitted(ID, DEPT, "E1001", "Training roster signed by 12 staff", SUBMITTED);
    }

    private static SubmitRectificationEvidence submit() {
        return new SubmitRectificationEvidence(ID, "E1001", "Training roster signed by 12 staff", SUBMITTED, null);
    }

    @Test
    void ordersARectificationDueAtTheEndOfItsDueDateInTheOrganisationsZone() {
        fixture.givenNoPriorActivity()
                .when(order())
                .expectEvents(ordered())
                .expectScheduledDeadlineWithName(DUE_AT, Rectification.OVERDUE_DEADLINE);
    }

    @Test
    void theZoneDecidesWhenTheDueDateEnds() {
        AggregateTestFixture<Rectification> utc = new AggregateTestFixture<>(Rectification.class);
        utc.registerInjectableResource((DepartmentDirectory) DEPT::equals);
        utc.registerInjectableResource(ZoneId.of("UTC"));
        utc.givenNoPriorActivity()
                .when(order())
                .expectEvents(new RectificationOrdered(ID, SOURCE, DEPT, ACTION, DUE_DATE, Instant.parse("2026-08-01T00:00:00Z"), ORDERED));
    }

    @Test
    void ordersARectificationOfAComplaint() {
        RectificationSource complaint = RectificationSource.complaint("c-1");
        fixture.givenNoPriorActivity()
                .when(order(complaint, DEPT, DUE_DATE))
                .expectEvents(new RectificationOrdered(ID, complaint, DEPT, ACTION, DUE_DATE, DUE_AT, ORDERED));
    }

    @Test
    void acceptsADueDateOnTheDayOfTheOrder() {
        fixture.givenNoPriorActivity()
                .when(order(SOURCE, DEPT, LocalDate.of(2026, 7, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesADueDateBeforeTheOrder() {
        fixture.givenNoPriorActivity()
                .when(order(SOURCE, DEPT, LocalDate.of(2026, 6, 30)))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(rejection("rectification.due-before-order"));
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(order(SOURCE, "NOWHERE", DUE_DATE))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void refusesAnIncompleteSource() {
        fixture.givenNoPriorActivity()
                .when(order(new RectificationSource(RectificationSource.Kind.FINDING, null, "i-1", null), DEPT, DUE_DATE))
                .expectNoEvents()
                .expectException(rejection("rectification.source-incomplete"));
    }

    @Test
    void refusesASourceNamingBothAComplaintAndAFinding() {
        fixture.givenNoPriorActivity()
                .when(order(new RectificationSource(RectificationSource.Kind.COMPLAINT, "c-1", "i-1", "f-1"), DEPT, DUE_DATE))
                .expectNoEvents()
                .expectException(rejection("rectification.source-incomplete"));
    }

    @Test
    void refusesAnOrderTimeInTheFuture() {
        fixture.givenCurrentTime(ORDERED.minus(Duration.ofHours(1)))
                .andGivenCommands()
                .when(order())
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void reportsProgress() {
        fixture.given(ordered())
                .when(new ReportRectificationProgress(ID, "Half the staff trained", SUBMITTED, null))
                .expectEvents(new RectificationProgressReported(ID, DEPT, "Half the staff trained", SUBMITTED));
    }

    @Test
    void refusesProgressDatedBeforeTheOrder() {
        fixture.given(ordered())
                .when(new ReportRectificationProgress(ID, "Half the staff trained", ORDERED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("time.out-of-order"));
    }

    @Test
    void refusesProgressWhileEvidenceAwaitsVerification() {
        fixture.given(ordered(), submitted())
                .when(new ReportRectificationProgress(ID, "More done", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.awaiting-verification"));
    }

    @Test
    void submitsEvidence() {
        fixture.given(ordered())
                .when(submit())
                .expectEvents(submitted());
    }

    @Test
    void refusesMoreEvidenceWhileEvidenceAwaitsVerification() {
        fixture.given(ordered(), submitted())
                .when(new SubmitRectificationEvidence(ID, "E1002", "More", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.awaiting-verification"));
    }

    @Test
    void verifiesEvidenceOnTime() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order(), submit())
                .when(new VerifyRectification(ID, "Q-77", "Checked the roster", JUDGED, null))
                .expectEvents(new RectificationVerified(ID, DEPT, "Q-77", "Checked the roster", JUDGED, DUE_AT, true));
    }

    @Test
    void theVerifierMustNotBeTheSubmitter() {
        fixture.given(ordered(), submitted())
                .when(new VerifyRectification(ID, "E1001", "Looks fine to me", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.verifier-is-submitter"));
    }

    @Test
    void theVerifierRuleIgnoresCaseAndSpaces() {
        fixture.given(ordered(), submitted())
                .when(new VerifyRectification(ID, " e1001 ", "Looks fine to me", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.verifier-is-submitter"));
    }

    @Test
    void theSubmitterMayNotRejectTheirOwnEvidenceEither() {
        fixture.given(ordered(), submitted())
                .when(new RejectRectificationEvidence(ID, "E1001", "Withdrawn", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.verifier-is-submitter"));
    }

    @Test
    void refusesVerificationWithoutEvidence() {
        fixture.given(ordered())
                .when(new VerifyRectification(ID, "Q-77", "", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.no-evidence"));
    }

    @Test
    void refusesVerificationDatedBeforeTheEvidence() {
        fixture.given(ordered(), submitted())
                .when(new VerifyRectification(ID, "Q-77", "", SUBMITTED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("time.out-of-order"));
    }

    @Test
    void rejectedEvidenceReturnsTheRectificationToProgress() {
        RectificationEvidenceRejected rejected = new RectificationEvidenceRejected(ID, DEPT, "Q-77", "Roster unsigned", JUDGED);
        fixture.given(ordered(), submitted())
                .when(new RejectRectificationEvidence(ID, "Q-77", "Roster unsigned", JUDGED, null))
                .expectEvents(rejected);
        fixture.given(ordered(), submitted(), rejected)
                .when(new ReportRectificationProgress(ID, "Collecting signatures", JUDGED.plusSeconds(60), null))
                .expectEvents(new RectificationProgressReported(ID, DEPT, "Collecting signatures", JUDGED.plusSeconds(60)));
    }

    @Test
    void refusesRejectionWithoutEvidence() {
        fixture.given(ordered())
                .when(new RejectRectificationEvidence(ID, "Q-77", "Nothing here", JUDGED, null))
                .expectNoEvents()
                .expectException(rejection("rectification.no-evidence"));
    }

    @Test
    void newEvidenceAfterARejectionMayBeVerifiedBySomeoneElse() {
        Instant resubmitted = JUDGED.plus(Duration.ofDays(1));
        fixture.given(ordered(), submitted(), new RectificationEvidenceRejected(ID, DEPT, "Q-77", "Roster unsigned", JUDGED),
                        new RectificationEvidenceSubmitted(ID, DEPT, "E1002", "Signed roster", resubmitted))
                .when(new VerifyRectification(ID, "E1001", "Now complete", resubmitted.plusSeconds(60), null))
                .expectEvents(new RectificationVerified(ID, DEPT, "E1001", "Now complete", resubmitted.plusSeconds(60), DUE_AT, true));
    }

    @Test
    void refusesEverythingOnceVerified() {
        RectificationVerified verified = new RectificationVerified(ID, DEPT, "Q-77", "", JUDGED, DUE_AT, true);
        fixture.given(ordered(), submitted(), verified)
                .when(new ReportRectificationProgress(ID, "More", JUDGED.plusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("rectification.already-verified"));
        fixture.given(ordered(), submitted(), verified)
                .when(new SubmitRectificationEvidence(ID, "E1001", "More", JUDGED.plusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("rectification.already-verified"));
        fixture.given(ordered(), submitted(), verified)
                .when(new VerifyRectification(ID, "Q-78", "", JUDGED.plusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("rectification.already-verified"));
    }

    @Test
    void becomesOverdueWhenTheDueDateEndsUnverified() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order(), submit())
                .whenTimeAdvancesTo(DUE_AT)
                .expectTriggeredDeadlinesWithName(Rectification.OVERDUE_DEADLINE)
                .expectEvents(new RectificationOverdue(ID, DEPT, DUE_DATE, DUE_AT));
    }

    @Test
    void isNotOverdueDuringTheLastSecondOfTheDueDate() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order())
                .whenTimeAdvancesTo(DUE_AT.minusSeconds(1))
                .expectNoEvents();
    }

    /** Verification does not cancel the deadline (cancelling by scope reads every pending deadline): it fires and finds it verified. */
    @Test
    void isNeverOverdueOnceVerified() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order(), submit(), new VerifyRectification(ID, "Q-77", "", JUDGED, null))
                .whenTimeAdvancesTo(DUE_AT.plus(Duration.ofDays(30)))
                .expectTriggeredDeadlinesWithName(Rectification.OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void anOverdueRectificationCanStillBeVerifiedLate() {
        Instant late = DUE_AT.plus(Duration.ofDays(3));
        fixture.given(ordered(), new RectificationOverdue(ID, DEPT, DUE_DATE, DUE_AT),
                        new RectificationEvidenceSubmitted(ID, DEPT, "E1001", "Done at last", late))
                .when(new VerifyRectification(ID, "Q-77", "Late but done", late.plusSeconds(60), null))
                .expectEvents(new RectificationVerified(ID, DEPT, "Q-77", "Late but done", late.plusSeconds(60), DUE_AT, false));
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }
}
