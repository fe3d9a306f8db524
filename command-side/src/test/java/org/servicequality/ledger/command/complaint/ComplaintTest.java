package org.servicequality.ledger.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.predicate;

class ComplaintTest {

    private static final String ID = "c-1";
    private static final Instant RECEIVED = Instant.parse("2026-07-01T01:30:00Z");

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource((DepartmentDirectory) "CARDIOLOGY"::equals);
    }

    private static FileComplaint file(String departmentId, Instant receivedAt) {
        return new FileComplaint(ID, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                departmentId, List.of("E1001"), "Rude at the counter", "Long account", receivedAt);
    }

    private static ComplaintFiled filed() {
        return new ComplaintFiled(ID, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                "CARDIOLOGY", List.of("E1001"), "Rude at the counter", "Long account", RECEIVED);
    }

    private static ComplaintReplied replied() {
        return new ComplaintReplied(ID, "CARDIOLOGY", "We apologise", RECEIVED.plus(Duration.ofHours(5)));
    }

    @Test
    void filesAComplaintAgainstARegisteredDepartment() {
        fixture.givenNoPriorActivity()
                .when(file("CARDIOLOGY", RECEIVED))
                .expectEvents(filed());
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(file("NOWHERE", RECEIVED))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No department is registered with id 'NOWHERE'.");
    }

    @Test
    void refusesAReceiptTimeInTheFuture() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void toleratesAFewMinutesOfClockSkew() {
        fixture.givenCurrentTime(RECEIVED)
                .andGivenCommands()
                .when(file("CARDIOLOGY", RECEIVED.plus(Duration.ofMinutes(4))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void repliesCarryTheHandlingDepartment() {
        fixture.given(filed())
                .when(new ReplyToComplaint(ID, "We apologise", RECEIVED.plus(Duration.ofHours(5)), null))
                .expectEvents(replied());
    }

    @Test
    void refusesAReplyDatedBeforeReceipt() {
        fixture.given(filed())
                .when(new ReplyToComplaint(ID, "We apologise", RECEIVED.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(rejection("complaint.reply-before-receipt"));
    }

    @Test
    void refusesASecondReply() {
        fixture.given(filed(), replied())
                .when(new ReplyToComplaint(ID, "Again", RECEIVED.plus(Duration.ofHours(6)), null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-replied"));
    }

    @Test
    void refusesAReplyToAResolvedCase() {
        fixture.given(filed(), replied(), resolved())
                .when(new ReplyToComplaint(ID, "Again", RECEIVED.plus(Duration.ofHours(7)), null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    @Test
    void resolvesARepliedCase() {
        fixture.given(filed(), replied())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, RECEIVED.plus(Duration.ofHours(6)), null))
                .expectEvents(resolved());
    }

    @Test
    void refusesResolutionBeforeAReply() {
        fixture.given(filed())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, RECEIVED.plus(Duration.ofHours(6)), null))
                .expectNoEvents()
                .expectException(rejection("complaint.resolution-before-reply"));
    }

    @Test
    void refusesAResolutionDatedBeforeTheReply() {
        fixture.given(filed(), replied())
                .when(new ResolveComplaint(ID, ResolutionOutcome.SUBSTANTIATED, RECEIVED.plus(Duration.ofHours(1)), null))
                .expectNoEvents()
                .expectException(rejection("complaint.resolution-before-reply"));
    }

    @Test
    void refusesASecondResolution() {
        fixture.given(filed(), replied(), resolved())
                .when(new ResolveComplaint(ID, ResolutionOutcome.NOT_SUBSTANTIATED, RECEIVED.plus(Duration.ofHours(8)), null))
                .expectNoEvents()
                .expectException(rejection("complaint.already-resolved"));
    }

    private static ComplaintResolved resolved() {
        return new ComplaintResolved(ID, "CARDIOLOGY", ResolutionOutcome.SUBSTANTIATED, RECEIVED.plus(Duration.ofHours(6)));
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }
}
