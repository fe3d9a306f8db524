package org.servicequality.ledger.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplainantPersonalDataErased;
import org.servicequality.ledger.api.complaint.ComplaintAssistanceRequested;
import org.servicequality.ledger.api.complaint.ComplaintEscalated;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintForwarded;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReopened;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintReplyOverdue;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.EraseComplainantPersonalData;
import org.servicequality.ledger.api.complaint.EscalateComplaint;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ForwardComplaint;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.complaint.MarkComplaintInvalid;
import org.servicequality.ledger.api.complaint.RecordSatisfactionFollowUp;
import org.servicequality.ledger.api.complaint.ReopenComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.RequestComplaintAssistance;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.complaint.TriageComplaint;
import org.servicequality.ledger.api.complaint.WithdrawComplaint;
import org.servicequality.ledger.api.personaldata.EncryptedContact;
import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.servicequality.ledger.command.department.DepartmentDirectory;
import org.servicequality.ledger.command.personaldata.PersonalDataKeyStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class ComplaintTest {

    private static final String ID = "c-1";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-07-01, 09:30 in Shanghai. */
    private static final Instant RECEIVED = Instant.parse("2026-07-01T01:30:00Z");
    /** Three working days after Wednesday: Thursday 2, Friday 3, Monday 6 July. */
    private static final LocalDate DUE_ON = LocalDate.parse("2026-07-06");
    /** Midnight at the start of Tuesday 7 July in Shanghai. */
    private static final Instant DUE_BY = Instant.parse("2026-07-06T16:00:00Z");
    /** The fixture's clock for handling steps: a day after receipt, before the reply is due. */
    private static final Instant NOW = RECEIVED.plus(Duration.ofDays(1));
    private static final Instant REPLIED = RECEIVED.plus(Duration.ofHours(5));
    private static final Instant RESOLVED = RECEIVED.plus(Duration.ofHours(6));
    private static final EncryptedContact CONTACT = new EncryptedContact("key-1", "bm9uY2Vub25jZQ==", "Y2lwaGVydGV4dA==");

    private AggregateTestFixture<Complaint> fixture;
    private RecordingKeyStore keys;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource((DepartmentDirectory) Set.of("CARDIOLOGY", "SURGERY", "PHARMACY")::contains);
        fixture.registerInjectableResource(new ReplyDueDates(WorkingDayCalendar.loadDefault(), SHANGHAI, 3));
        keys = new RecordingKeyStore();
        fixture.registerInjectableResource(keys);
    }

    private TestExecutor<Complaint> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    // ---- filing and the reply due date -------------------------------------------------------------

    @Test
    void filesAComplaintWithItsReplyDueDateAndSchedulesTheReplyDeadline() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED))
                .expectEvents(filed())
                .expectScheduledDeadlineWithName(DUE_BY, Complaint.REPLY_DEADLINE);
    }

    @Test
    void filesAnAnonymousComplaintWithoutContact() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(new FileComplaint(ID, Channel.WEB, FeedbackKind.SUGGESTION, Category.ENVIRONMENT, "CARDIOLOGY",
                        List.of(), "More seats", "", RECEIVED, null))
                .expectEvents(new ComplaintFiled(ID, Channel.WEB, FeedbackKind.SUGGESTION, Category.ENVIRONMENT, "CARDIOLOGY",
                        List.of(), "More seats", "", RECEIVED, DUE_ON, DUE_BY, null));
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(file("NOWHERE", RECEIVED))
                .expectNoEvents()
                .expectException(rejection("department.unknown"))
                .expectExceptionMessage("No department is registered with id 'NOWHERE'.");
    }

    @Test
    void refusesAReceiptTimeInTheFuture() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void toleratesAFewMinutesOfClockSkew() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED.plus(Duration.ofMinutes(4))))
                .expectSuccessfulHandlerExecution();
    }

    /** The calendar's worked example: the Sunday make-up working day counts. */
    @Test
    void dueDateCountsAMakeUpWorkingDay() {
        Instant friday = Instant.parse("2026-09-18T02:00:00Z");
        fixture.givenCurrentTime(friday)
                .andGivenCommands()
                .when(file("CARDIOLOGY", friday))
                .expectEventsMatching(payloadsMatching(ComplaintFiled.class, filed ->
                        filed.replyDueOn().equals(LocalDate.parse("2026-09-22"))
                                && filed.replyDueBy().equals(Instant.parse("2026-09-22T16:00:00Z"))))
                .expectScheduledDeadlineWithName(Instant.parse("2026-09-22T16:00:00Z"), Complaint.REPLY_DEADLINE);
    }

    /** The calendar's worked example across the Spring Festival holiday. */
    @Test
    void dueDateSkipsPublicHolidays() {
        Instant friday = Instant.parse("2026-02-13T02:00:00Z");
        fixture.givenCurrentTime(friday)
                .andGivenCommands()
                .when(file("CARDIOLOGY", friday))
                .expectEventsMatching(payloadsMatching(ComplaintFiled.class, filed ->
                        filed.replyDueOn().equals(LocalDate.parse("2026-02-25"))));
    }

    /** 01:00 on Thursday in Shanghai is still Wednesday in UTC: the organisation's day decides. */
    @Test
    void receiptDayIsTakenInTheOrganisationsTimeZone() {
        Instant thursdayInShanghai = Instant.parse("2026-07-01T17:00:00Z");
        fixture.givenCurrentTime(thursdayInShanghai)
                .andGivenCommands()
                .when(file("CARDIOLOGY", thursdayInShanghai))
                .expectEventsMatching(payloadsMatching(ComplaintFiled.class, filed ->
                        filed.replyDueOn().equals(LocalDate.parse("2026-07-07"))));
    }

    @Test
    void theNumberOfWorkingDaysIsConfigurable() {
        AggregateTestFixture<Complaint> oneDay = new AggregateTestFixture<>(Complaint.class);
        oneDay.registerInjectableResource((DepartmentDirectory) "CARDIOLOGY"::equals);
        oneDay.registerInjectableResource(new ReplyDueDates(WorkingDayCalendar.loadDefault(), SHANGHAI, 1));
        oneDay.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED))
                .expectEventsMatching(payloadsMatching(ComplaintFiled.class, filed ->
                        filed.replyDueOn().equals(LocalDate.parse("2026-07-02"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 31})
    void refusesAnImplausibleNumberOfWorkingDaysAtStartup(int workingDays) {
        WorkingDayCalendar calendar = WorkingDayCalendar.loadDefault();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplyDueDates(calendar, SHANGHAI, workingDays));
    }

    // ---- the reply deadline ------------------------------------------------------------------------

    @Nested
    class ReplyDeadline {

        @Test
        void appendsOverdueWhenNoReplyCameByTheDueTime() {
            fixture.givenCurrentTime(RECEIVED)
                    .andGivenCommands(file("CARDIOLOGY", RECEIVED))
                    .whenTimeAdvancesTo(DUE_BY)
                    .expectTriggeredDeadlinesWithName(Complaint.REPLY_DEADLINE)
                    .expectEvents(new ComplaintReplyOverdue(ID, "CARDIOLOGY", DUE_ON, DUE_BY));
        }

        @Test
        void isNotOverdueDuringTheLastDueDay() {
            fixture.givenCurrentTime(RECEIVED)
                    .andGivenCommands(file("CARDIOLOGY", RECEIVED))
                    .whenTimeAdvancesTo(DUE_BY.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void overdueNamesTheDepartmentHandlingTheCaseAtThatTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(file("CARDIOLOGY", RECEIVED), new ForwardComplaint(ID, "SURGERY", "Surgical ward", null))
                    .whenTimeAdvancesTo(DUE_BY)
                    .expectEvents(new ComplaintReplyOverdue(ID, "SURGERY", DUE_ON, DUE_BY));
        }

        /** Nothing cancels the deadline (cancelling by scope reads every pending deadline): it fires and finds the case settled. */
        @ParameterizedTest
        @MethodSource("org.servicequality.ledger.command.complaint.ComplaintTest#settlingCommands")
        void theDeadlineFiresAfterAReplyWithdrawalOrMarkingAndAppendsNothing(Object settlingCommand) {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(file("CARDIOLOGY", RECEIVED), settlingCommand)
                    .whenTimeAdvancesTo(DUE_BY.plus(Duration.ofDays(10)))
                    .expectTriggeredDeadlinesWithName(Complaint.REPLY_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void aComplaintEnteredAfterItsDueTimeIsOverdueAtOnce() {
            Instant muchLater = DUE_BY.plus(Duration.ofDays(3));
            fixture.givenCurrentTime(muchLater)
                    .andGivenCommands(file("CARDIOLOGY", RECEIVED))
                    .whenTimeElapses(Duration.ofSeconds(1))
                    .expectEvents(new ComplaintReplyOverdue(ID, "CARDIOLOGY", DUE_ON, DUE_BY));
        }

        /** A cancellation can race a deadline that is already firing; the handler checks the state itself. */
        @ParameterizedTest
        @MethodSource("org.servicequality.ledger.command.complaint.ComplaintTest#closingEvents")
        void aDeadlineFiringAfterAReplyWithdrawalOrMarkingAppendsNothing(Object closingEvent) {
            given(filed(), closingEvent)
                    .whenInvoking(ID, Complaint::replyDeadlinePassed)
                    .expectNoEvents();
        }

        @Test
        void theDeadlineHandlerAppendsOverdueForAnUnansweredCase() {
            given(filed(), new ComplaintAssistanceRequested(ID, "CARDIOLOGY", "PHARMACY", "Please check", NOW))
                    .whenInvoking(ID, Complaint::replyDeadlinePassed)
                    .expectEvents(new ComplaintReplyOverdue(ID, "CARDIOLOGY", DUE_ON, DUE_BY));
        }

        @Test
        void aLateReplyIsStillAccepted() {
            Instant late = DUE_BY.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(late)
                    .andGiven(filed(), new ComplaintReplyOverdue(ID, "CARDIOLOGY", DUE_ON, DUE_BY))
                    .when(reply(late))
                    .expectEvents(new ComplaintReplied(ID, "CARDIOLOGY", "We apologise", late));
        }
    }

    // ---- triage ------------------------------------------------------------------------------------

    @Test
    void triageRecordsCategorySeverityAndHandlingDepartment() {
        given(filed())
                .when(new TriageComplaint(ID, Category.PROCESS, Severity.MAJOR, "SURGERY", null))
                .expectEvents(new ComplaintTriaged(ID, Category.PROCESS, Severity.MAJOR, "SURGERY"));
    }

    @Test
    void theTriagedDepartmentHandlesTheReply() {
        given(filed(), new ComplaintTriaged(ID, Category.PROCESS, Severity.MAJOR, "SURGERY"))
                .when(reply(REPLIED))
                .expectEvents(new ComplaintReplied(ID, "SURGERY", "We apologise", REPLIED));
    }

    @Test
    void triageRefusesAnUnregisteredHandlingDepartment() {
        given(filed())
                .when(new TriageComplaint(ID, Category.PROCESS, Severity.MAJOR, "NOWHERE", null))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void triageRefusedOnAResolvedCase() {
        given(filed(), replied(), resolved())
                .when(new TriageComplaint(ID, Category.PROCESS, Severity.MAJOR, "SURGERY", null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    // ---- 求助: request assistance --------------------------------------------------------------------

    @Test
    void requestsAssistanceWhileTheHandlingDepartmentKeepsTheCase() {
        given(filed())
                .when(new RequestComplaintAssistance(ID, "PHARMACY", "Please check the dispensing record", null))
                .expectEvents(new ComplaintAssistanceRequested(ID, "CARDIOLOGY", "PHARMACY", "Please check the dispensing record", NOW));
    }

    @Test
    void afterAssistanceTheHandlingDepartmentStillReplies() {
        given(filed(), new ComplaintAssistanceRequested(ID, "CARDIOLOGY", "PHARMACY", "Please check", NOW))
                .when(reply(REPLIED))
                .expectEvents(replied());
    }

    @Test
    void refusesAssistanceFromTheHandlingDepartmentItself() {
        given(filed())
                .when(new RequestComplaintAssistance(ID, "CARDIOLOGY", "Help", null))
                .expectNoEvents()
                .expectException(rejection("complaint.assistance-from-handling-department"));
    }

    @Test
    void refusesAskingTheSameDepartmentTwice() {
        given(filed(), new ComplaintAssistanceRequested(ID, "CARDIOLOGY", "PHARMACY", "Please check", NOW))
                .when(new RequestComplaintAssistance(ID, "PHARMACY", "Again", null))
                .expectNoEvents()
                .expectException(rejection("complaint.assistance-already-requested"));
    }

    @Test
    void refusesAssistanceFromAnUnregisteredDepartment() {
        given(filed())
                .when(new RequestComplaintAssistance(ID, "NOWHERE", "Help", null))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    // ---- 转发: forward -------------------------------------------------------------------------------

    @Test
    void forwardsTheCaseToAnotherDepartment() {
        given(filed())
                .when(new ForwardComplaint(ID, "SURGERY", "The ward is surgical", null))
                .expectEvents(new ComplaintForwarded(ID, "CARDIOLOGY", "SURGERY", "The ward is surgical", NOW));
    }

    @Test
    void afterForwardingTheNewDepartmentReplies() {
        given(filed(), new ComplaintForwarded(ID, "CARDIOLOGY", "SURGERY", "The ward is surgical", NOW))
                .when(reply(REPLIED))
                .expectEvents(new ComplaintReplied(ID, "SURGERY", "We apologise", REPLIED));
    }

    @Test
    void forwardsFromTheTriagedDepartment() {
        given(filed(), new ComplaintTriaged(ID, Category.PRICING, Severity.MINOR, "PHARMACY"))
                .when(new ForwardComplaint(ID, "SURGERY", "Billing sits with surgery", null))
                .expectEvents(new ComplaintForwarded(ID, "PHARMACY", "SURGERY", "Billing sits with surgery", NOW));
    }

    @Test
    void refusesForwardingToTheHandlingDepartment() {
        given(filed())
                .when(new ForwardComplaint(ID, "CARDIOLOGY", "Back", null))
                .expectNoEvents()
                .expectException(rejection("complaint.forward-to-handling-department"));
    }

    @Test
    void refusesForwardingToAnUnregisteredDepartment() {
        given(filed())
                .when(new ForwardComplaint(ID, "NOWHERE", "Away", null))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void aDepartmentThatWasAskedToAssistMayTakeOverAndThenNoLongerAssists() {
        given(filed(), new ComplaintAssistanceRequested(ID, "CARDIOLOGY", "PHARMACY", "Please check", NOW),
                new ComplaintForwarded(ID, "CARDIOLOGY", "PHARMACY", "Pharmacy takes it", NOW))
                .when(new RequestComplaintAssistance(ID, "PHARMACY", "Help yourself", null))
                .expectNoEvents()
                .expectException(rejection("complaint.assistance-from-handling-department"));
    }

    // ---- 上报: escalate ------------------------------------------------------------------------------

    @Test
    void escalatesToLeadershipWithAReason() {
        given(filed())
                .when(new EscalateComplaint(ID, "Threatens to go to the press", null))
                .expectEvents(new ComplaintEscalated(ID, "CARDIOLOGY", "Threatens to go to the press", NOW));
    }

    @Test
    void refusesEscalatingTwice() {
        given(filed(), new ComplaintEscalated(ID, "CARDIOLOGY", "Press", NOW))
                .when(new EscalateComplaint(ID, "Again", null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-escalated"));
    }

    @Test
    void refusesEscalatingAResolvedCase() {
        given(filed(), replied(), resolved())
                .when(new EscalateComplaint(ID, "Late", null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    // ---- reply -------------------------------------------------------------------------------------

    @Test
    void repliesCarryTheHandlingDepartment() {
        given(filed())
                .when(reply(REPLIED))
                .expectEvents(replied());
    }

    @Test
    void refusesAReplyDatedBeforeReceipt() {
        given(filed())
                .when(reply(RECEIVED.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection("complaint.reply-before-receipt"));
    }

    @Test
    void refusesAReplyDatedInTheFuture() {
        given(filed())
                .when(reply(NOW.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void refusesASecondReply() {
        given(filed(), replied())
                .when(reply(REPLIED.plusSeconds(60)))
                .expectNoEvents()
                .expectException(rejection("complaint.already-replied"));
    }

    @Test
    void refusesAReplyToAResolvedCase() {
        given(filed(), replied(), resolved())
                .when(reply(RESOLVED.plusSeconds(60)))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    // ---- resolve -----------------------------------------------------------------------------------

    @Test
    void resolvesARepliedCaseSayingWhetherRectificationIsRequired() {
        given(filed(), replied())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, true, RESOLVED, null))
                .expectEvents(resolved());
    }

    @Test
    void resolvesWithoutRectification() {
        given(filed(), replied())
                .when(new ResolveComplaint(ID, ResolutionOutcome.NOT_SUBSTANTIATED, false, RESOLVED, null))
                .expectEvents(new ComplaintResolved(ID, "CARDIOLOGY", ResolutionOutcome.NOT_SUBSTANTIATED, false, RESOLVED));
    }

    @Test
    void refusesResolutionBeforeAReply() {
        given(filed())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, true, RESOLVED, null))
                .expectNoEvents()
                .expectException(rejection("complaint.resolution-before-reply"));
    }

    @Test
    void refusesAResolutionDatedBeforeTheReply() {
        given(filed(), replied())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, true, REPLIED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("complaint.resolution-before-reply"));
    }

    @Test
    void refusesASecondResolution() {
        given(filed(), replied(), resolved())
                .when(new ResolveComplaint(ID, ResolutionOutcome.NOT_SUBSTANTIATED, false, RESOLVED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    // ---- satisfaction follow-up --------------------------------------------------------------------

    @Test
    void recordsASatisfactionFollowUpAfterTheReply() {
        Instant surveyed = REPLIED.plus(Duration.ofHours(2));
        given(filed(), replied())
                .when(new RecordSatisfactionFollowUp(ID, 4, "Polite call", surveyed, null))
                .expectEvents(new SatisfactionFollowUpRecorded(ID, "CARDIOLOGY", 4, "Polite call", surveyed));
    }

    @Test
    void recordsAFollowUpAfterResolution() {
        Instant surveyed = RESOLVED.plus(Duration.ofHours(2));
        given(filed(), replied(), resolved())
                .when(new RecordSatisfactionFollowUp(ID, 2, "", surveyed, null))
                .expectEvents(new SatisfactionFollowUpRecorded(ID, "CARDIOLOGY", 2, "", surveyed));
    }

    @Test
    void refusesAFollowUpBeforeAnyReply() {
        given(filed())
                .when(new RecordSatisfactionFollowUp(ID, 4, "", REPLIED, null))
                .expectNoEvents()
                .expectException(rejection("complaint.follow-up-before-reply"));
    }

    @Test
    void refusesAFollowUpDatedBeforeTheReply() {
        given(filed(), replied())
                .when(new RecordSatisfactionFollowUp(ID, 4, "", REPLIED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("complaint.follow-up-before-reply"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -3})
    void refusesAScoreOutsideOneToFive(int score) {
        given(filed(), replied())
                .when(new RecordSatisfactionFollowUp(ID, score, "", REPLIED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("complaint.satisfaction-score-out-of-range"));
    }

    @Test
    void refusesASecondFollowUpOfTheSameReply() {
        given(filed(), replied(), new SatisfactionFollowUpRecorded(ID, "CARDIOLOGY", 4, "", REPLIED.plusSeconds(60)))
                .when(new RecordSatisfactionFollowUp(ID, 5, "", REPLIED.plusSeconds(120), null))
                .expectNoEvents()
                .expectException(rejection("complaint.follow-up-already-recorded"));
    }

    @Test
    void aReopenedCaseIsFollowedUpOnlyAfterItsNewReply() {
        given(filed(), replied(), resolved(), reopened())
                .when(new RecordSatisfactionFollowUp(ID, 3, "", NOW, null))
                .expectNoEvents()
                .expectException(rejection("complaint.follow-up-before-reply"));
    }

    @Test
    void theNewReplyOfAReopenedCaseMayBeFollowedUpAgain() {
        Instant secondReply = NOW.plusSeconds(60);
        Instant surveyed = NOW.plusSeconds(120);
        fixture.givenCurrentTime(NOW.plus(Duration.ofHours(1)))
                .andGiven(filed(), replied(), new SatisfactionFollowUpRecorded(ID, "CARDIOLOGY", 1, "", REPLIED.plusSeconds(60)),
                        resolved(), reopened(), new ComplaintReplied(ID, "CARDIOLOGY", "Second answer", secondReply))
                .when(new RecordSatisfactionFollowUp(ID, 5, "Better", surveyed, null))
                .expectEvents(new SatisfactionFollowUpRecorded(ID, "CARDIOLOGY", 5, "Better", surveyed));
    }

    // ---- reopen ------------------------------------------------------------------------------------

    @Test
    void reopensAResolvedCase() {
        given(filed(), replied(), resolved())
                .when(new ReopenComplaint(ID, "Submitter disputes the outcome", null))
                .expectEvents(reopened());
    }

    @Test
    void aReopenedCaseTakesANewReplyAndANewResolution() {
        Instant secondReply = NOW.plusSeconds(60);
        Instant secondResolution = NOW.plusSeconds(120);
        fixture.givenCurrentTime(NOW.plus(Duration.ofHours(1)))
                .andGiven(filed(), replied(), resolved(), reopened(),
                        new ComplaintReplied(ID, "CARDIOLOGY", "Second answer", secondReply))
                .when(new ResolveComplaint(ID, ResolutionOutcome.PARTLY_SUBSTANTIATED, false, secondResolution, null))
                .expectEvents(new ComplaintResolved(ID, "CARDIOLOGY", ResolutionOutcome.PARTLY_SUBSTANTIATED, false, secondResolution));
    }

    @Test
    void aReopenedCaseAcceptsANewReply() {
        given(filed(), replied(), resolved(), reopened())
                .when(reply(NOW))
                .expectEvents(new ComplaintReplied(ID, "CARDIOLOGY", "We apologise", NOW));
    }

    @Test
    void aReopenedCaseIsNotResolvedAgainBeforeItsNewReply() {
        given(filed(), replied(), resolved(), reopened())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, false, NOW, null))
                .expectNoEvents()
                .expectException(rejection("complaint.resolution-before-reply"));
    }

    @Test
    void refusesANewReplyDatedBeforeTheReopening() {
        given(filed(), replied(), resolved(), reopened())
                .when(reply(NOW.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection("complaint.reply-before-reopening"));
    }

    @Test
    void refusesReopeningACaseThatIsStillOpen() {
        given(filed(), replied())
                .when(new ReopenComplaint(ID, "Why not", null))
                .expectNoEvents()
                .expectException(rejection("complaint.not-resolved"));
    }

    // ---- withdraw ----------------------------------------------------------------------------------

    @Test
    void theSubmitterWithdrawsAnOpenComplaint() {
        given(filed(), replied())
                .when(new WithdrawComplaint(ID, "Sorted out at the counter", null))
                .expectEvents(new ComplaintWithdrawn(ID, "CARDIOLOGY", "Sorted out at the counter", NOW));
    }

    @Test
    void refusesWithdrawalAfterResolution() {
        given(filed(), replied(), resolved())
                .when(new WithdrawComplaint(ID, "Too late", null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    @Test
    void refusesWithdrawingTwice() {
        given(filed(), withdrawn())
                .when(new WithdrawComplaint(ID, "Again", null))
                .expectNoEvents()
                .expectException(rejection("complaint.withdrawn"));
    }

    @ParameterizedTest
    @MethodSource("handlingCommands")
    void aWithdrawnCaseTakesNoFurtherHandling(Object command) {
        given(filed(), replied(), withdrawn())
                .when(command)
                .expectNoEvents()
                .expectException(rejection("complaint.withdrawn"));
    }

    // ---- mark as malicious or mistaken -------------------------------------------------------------

    @Test
    void marksAnOpenCaseMalicious() {
        given(filed())
                .when(new MarkComplaintInvalid(ID, InvalidComplaintReason.MALICIOUS, "Repeated threats", null))
                .expectEvents(new ComplaintMarkedInvalid(ID, "CARDIOLOGY", InvalidComplaintReason.MALICIOUS, "Repeated threats", NOW));
    }

    @Test
    void marksAResolvedCaseWhenItTurnsOutMistaken() {
        given(filed(), replied(), resolved())
                .when(new MarkComplaintInvalid(ID, InvalidComplaintReason.DUPLICATE, "Same as c-0", null))
                .expectEvents(new ComplaintMarkedInvalid(ID, "CARDIOLOGY", InvalidComplaintReason.DUPLICATE, "Same as c-0", NOW));
    }

    @Test
    void refusesMarkingTwice() {
        given(filed(), markedInvalid())
                .when(new MarkComplaintInvalid(ID, InvalidComplaintReason.MALICIOUS, "Again", null))
                .expectNoEvents()
                .expectException(rejection("complaint.marked-invalid"));
    }

    @Test
    void refusesMarkingAWithdrawnCase() {
        given(filed(), withdrawn())
                .when(new MarkComplaintInvalid(ID, InvalidComplaintReason.MALICIOUS, "After the fact", null))
                .expectNoEvents()
                .expectException(rejection("complaint.withdrawn"));
    }

    @ParameterizedTest
    @MethodSource("handlingCommands")
    void aMarkedCaseTakesNoFurtherHandling(Object command) {
        given(filed(), replied(), markedInvalid())
                .when(command)
                .expectNoEvents()
                .expectException(rejection("complaint.marked-invalid"));
    }

    @ParameterizedTest
    @MethodSource("handlingCommands")
    void aMarkedResolvedCaseIsNotReopenedNorHandled(Object command) {
        given(filed(), replied(), resolved(), markedInvalid())
                .when(command)
                .expectNoEvents()
                .expectException(rejection("complaint.marked-invalid"));
    }

    static Stream<Object> settlingCommands() {
        return Stream.of(reply(REPLIED), new WithdrawComplaint(ID, "Sorted out at the counter", null),
                new MarkComplaintInvalid(ID, InvalidComplaintReason.MISTAKEN, "Meant for another hospital", null));
    }

    static Stream<Object> closingEvents() {
        return Stream.of(replied(), withdrawn(), markedInvalid());
    }

    static Stream<Object> handlingCommands() {
        return Stream.of(
                new TriageComplaint(ID, Category.PROCESS, Severity.MINOR, "SURGERY", null),
                new RequestComplaintAssistance(ID, "PHARMACY", "Help", null),
                new ForwardComplaint(ID, "SURGERY", "Away", null),
                new EscalateComplaint(ID, "Up", null),
                new ReplyToComplaint(ID, "Text", REPLIED.plusSeconds(60), null),
                new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, false, REPLIED.plusSeconds(60), null),
                new RecordSatisfactionFollowUp(ID, 3, "", REPLIED.plusSeconds(60), null),
                new ReopenComplaint(ID, "Again", null),
                new WithdrawComplaint(ID, "Gone", null));
    }

    // ---- erasure of personal data ------------------------------------------------------------------

    @Test
    void erasureIsRecordedAndDestroysTheKeyAfterCommit() {
        given(filed())
                .when(new EraseComplainantPersonalData(ID, "dpo-officer", "Data subject request 2026-117", null))
                .expectEvents(new ComplainantPersonalDataErased(ID, "key-1", "dpo-officer", "Data subject request 2026-117", NOW));
        assertThat(keys.marked).containsExactly("key-1");
        assertThat(keys.destroyed).containsExactly("key-1");
    }

    @Test
    void erasureWorksInEveryStateEvenOnAMarkedCase() {
        given(filed(), replied(), resolved(), markedInvalid())
                .when(new EraseComplainantPersonalData(ID, "dpo-officer", "Request", null))
                .expectEvents(new ComplainantPersonalDataErased(ID, "key-1", "dpo-officer", "Request", NOW));
        assertThat(keys.destroyed).containsExactly("key-1");
    }

    @Test
    void refusesErasureWhenNoContactWasGiven() {
        given(new ComplaintFiled(ID, Channel.WEB, FeedbackKind.SUGGESTION, Category.ENVIRONMENT, "CARDIOLOGY",
                List.of(), "More seats", "", RECEIVED, DUE_ON, DUE_BY, null))
                .when(new EraseComplainantPersonalData(ID, "dpo-officer", "Request", null))
                .expectNoEvents()
                .expectException(rejection("complaint.no-personal-data"));
        assertThat(keys.marked).isEmpty();
        assertThat(keys.destroyed).isEmpty();
    }

    @Test
    void refusesErasingTwice() {
        given(filed(), new ComplainantPersonalDataErased(ID, "key-1", "dpo-officer", "Request", NOW))
                .when(new EraseComplainantPersonalData(ID, "dpo-officer", "Again", null))
                .expectNoEvents()
                .expectException(rejection("complaint.personal-data-already-erased"));
        assertThat(keys.marked).isEmpty();
        assertThat(keys.destroyed).isEmpty();
    }

    @Test
    void anErasedCaseIsStillHandledNormally() {
        given(filed(), new ComplainantPersonalDataErased(ID, "key-1", "dpo-officer", "Request", NOW))
                .when(reply(REPLIED))
                .expectEvents(replied());
    }

    // ---- fixtures ----------------------------------------------------------------------------------

    private static FileComplaint file(String departmentId, Instant receivedAt) {
        return new FileComplaint(ID, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                departmentId, List.of("E1001"), "Rude at the counter", "Long account", receivedAt, CONTACT);
    }

    private static ComplaintFiled filed() {
        return new ComplaintFiled(ID, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                "CARDIOLOGY", List.of("E1001"), "Rude at the counter", "Long account", RECEIVED, DUE_ON, DUE_BY, CONTACT);
    }

    private static ReplyToComplaint reply(Instant at) {
        return new ReplyToComplaint(ID, "We apologise", at, null);
    }

    private static ComplaintReplied replied() {
        return new ComplaintReplied(ID, "CARDIOLOGY", "We apologise", REPLIED);
    }

    private static ComplaintResolved resolved() {
        return new ComplaintResolved(ID, "CARDIOLOGY", ResolutionOutcome.SUBSTANTIATED, true, RESOLVED);
    }

    private static ComplaintReopened reopened() {
        return new ComplaintReopened(ID, "CARDIOLOGY", "Submitter disputes the outcome", NOW);
    }

    private static ComplaintWithdrawn withdrawn() {
        return new ComplaintWithdrawn(ID, "CARDIOLOGY", "Sorted out", NOW);
    }

    private static ComplaintMarkedInvalid markedInvalid() {
        return new ComplaintMarkedInvalid(ID, "CARDIOLOGY", InvalidComplaintReason.MALICIOUS, "Threats", NOW);
    }

    private static <E> org.hamcrest.Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> payloadsMatching(
            Class<E> type, java.util.function.Predicate<E> condition) {
        return predicate(events -> events.size() == 1 && type.isInstance(events.get(0).getPayload())
                && condition.test(type.cast(events.get(0).getPayload())));
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }

    /** Stands in for the JDBC key store: the aggregate only ever destroys keys. */
    private static final class RecordingKeyStore implements PersonalDataKeyStore {

        final List<String> marked = new ArrayList<>();
        final List<String> destroyed = new ArrayList<>();

        @Override
        public String create(byte[] keyMaterial) {
            throw new UnsupportedOperationException("keys are created by the personal-data service, not the aggregate");
        }

        @Override
        public Optional<byte[]> find(String keyId) {
            throw new UnsupportedOperationException("the aggregate never reads keys");
        }

        @Override
        public void markForDestruction(String keyId) {
            marked.add(keyId);
        }

        @Override
        public void destroy(String keyId) {
            destroyed.add(keyId);
        }
    }
}
