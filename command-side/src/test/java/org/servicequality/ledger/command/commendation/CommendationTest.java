package org.servicequality.ledger.command.commendation;

import org.servicequality.ledger.command.RecordedTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Rejection;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.commendation.ReceiveCommendation;
import org.servicequality.ledger.api.commendation.RejectCommendation;
import org.servicequality.ledger.api.commendation.VerifyCommendation;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.axonframework.test.matchers.Matchers.predicate;

class CommendationTest {

    private static final String ID = "3f2c1a9e-0000-4000-8000-000000000001";
    private static final Instant RECEIVED = Instant.parse("2026-07-01T01:30:00Z");
    private static final Instant NOW = RECEIVED.plus(Duration.ofDays(1));

    private AggregateTestFixture<Commendation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commendation.class);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean isRegistered(String departmentId) {
                return "CARDIOLOGY".equals(departmentId) || "OLD-WARD".equals(departmentId);
            }

            @Override
            public boolean isRetired(String departmentId) {
                return "OLD-WARD".equals(departmentId);
            }
        });
    }

    private static ReceiveCommendation receive(String departmentId, Instant receivedAt) {
        return new ReceiveCommendation(ID, Channel.LETTER, departmentId, List.of("E1001", "E1002"),
                "Nurse Li stayed past her shift to help my father", receivedAt);
    }

    private static CommendationReceived received() {
        return new CommendationReceived(ID, Channel.LETTER, "CARDIOLOGY", List.of("E1001", "E1002"),
                "Nurse Li stayed past her shift to help my father", RECEIVED);
    }

    private static CommendationVerified verified() {
        return new CommendationVerified(ID, "CARDIOLOGY", List.of("E1001", "E1002"), Channel.LETTER, RECEIVED, NOW);
    }

    private static CommendationRejected rejected() {
        return new CommendationRejected(ID, "CARDIOLOGY", CommendationRejectionReason.DUPLICATE, "Same letter as last week", NOW);
    }

    @Test
    void receivesPraiseForARegisteredDepartment() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(receive("CARDIOLOGY", RECEIVED))
                .expectEvents(received());
    }

    @Test
    void receivesPraiseNamingNoOne() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(new ReceiveCommendation(ID, Channel.KIOSK, "CARDIOLOGY", List.of(), "Clean and quiet ward", RECEIVED))
                .expectEvents(new CommendationReceived(ID, Channel.KIOSK, "CARDIOLOGY", List.of(), "Clean and quiet ward", RECEIVED));
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(receive("NOWHERE", RECEIVED))
                .expectNoEvents()
                .expectException(rejection("department.unknown", Rejection.Reason.NOT_FOUND, "departmentId"));
    }

    @Test
    void refusesARetiredDepartment() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(receive("OLD-WARD", RECEIVED))
                .expectNoEvents()
                .expectException(rejection("department.retired", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesAReceiptTimeInTheFuture() {
        fixture.givenCurrentTime(RECEIVED).andGivenCommands()
                .when(receive("CARDIOLOGY", RECEIVED.plus(RecordedTime.CLOCK_SKEW_TOLERANCE).plusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection("time.in-future", Rejection.Reason.INVALID, "receivedAt"));
    }

    @Test
    void toleratesAFewMinutesOfClockSkew() {
        fixture.givenCurrentTime(RECEIVED).andGivenCommands()
                .when(receive("CARDIOLOGY", RECEIVED.plus(RecordedTime.CLOCK_SKEW_TOLERANCE)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void verificationRepeatsWhatACountNeeds() {
        fixture.givenCurrentTime(NOW).andGiven(received())
                .when(new VerifyCommendation(ID, null))
                .expectEvents(verified());
    }

    @Test
    void rejectsWithAReasonCodeAndText() {
        fixture.givenCurrentTime(NOW).andGiven(received())
                .when(new RejectCommendation(ID, CommendationRejectionReason.DUPLICATE, "Same letter as last week", null))
                .expectEvents(rejected());
    }

    @Test
    void refusesToVerifyTwice() {
        fixture.given(received(), verified())
                .when(new VerifyCommendation(ID, null))
                .expectNoEvents()
                .expectException(rejection("commendation.already-verified", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesToRejectVerifiedPraise() {
        fixture.given(received(), verified())
                .when(new RejectCommendation(ID, CommendationRejectionReason.OTHER, "Changed our mind", null))
                .expectNoEvents()
                .expectException(rejection("commendation.already-verified", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesToVerifyRejectedPraise() {
        fixture.given(received(), rejected())
                .when(new VerifyCommendation(ID, null))
                .expectNoEvents()
                .expectException(rejection("commendation.already-rejected", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesToRejectTwice() {
        fixture.given(received(), rejected())
                .when(new RejectCommendation(ID, CommendationRejectionReason.UNVERIFIABLE, "Again", null))
                .expectNoEvents()
                .expectException(rejection("commendation.already-rejected", Rejection.Reason.CONFLICT, null));
    }

    static Matcher<?> rejection(String rule, Rejection.Reason reason, String field) {
        return predicate(e -> e instanceof CommandRejectedException rejected
                && rule.equals(rejected.rejection().rule())
                && reason == rejected.rejection().reason()
                && Objects.equals(field, rejected.rejection().field()));
    }
}
