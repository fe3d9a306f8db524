package org.servicequality.ledger.command.award;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.AwardServiceStar;
import org.servicequality.ledger.api.award.CloseServiceStarRound;
import org.servicequality.ledger.api.award.NominateServiceStar;
import org.servicequality.ledger.api.award.OpenServiceStarRound;
import org.servicequality.ledger.api.award.RevokeServiceStar;
import org.servicequality.ledger.api.award.ServiceStarAwarded;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.award.ServiceStarNominated;
import org.servicequality.ledger.api.award.ServiceStarRevoked;
import org.servicequality.ledger.api.award.ServiceStarRoundClosed;
import org.servicequality.ledger.api.award.ServiceStarRoundOpened;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class ServiceStarRoundTest {

    private static final Period YEAR = Period.parse("2026");
    private static final String ID = "service-star-round:2026";
    private static final String DEPT = "CARDIOLOGY";
    private static final Instant OPENED = Instant.parse("2026-11-01T02:00:00Z");
    private static final Instant NOMINATED = OPENED.plus(Duration.ofDays(1));
    private static final Instant AWARDED = OPENED.plus(Duration.ofDays(10));
    private static final Instant CLOSED = OPENED.plus(Duration.ofDays(15));

    /** Staff with a disqualifying record, as (employee number, period) pairs. */
    private final Set<String> disqualified = new HashSet<>();
    private AggregateTestFixture<ServiceStarRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceStarRound.class);
        fixture.registerInjectableResource((DepartmentDirectory) DEPT::equals);
        fixture.registerInjectableResource((StaffConductRecord) (employeeNumber, period) ->
                disqualified.contains(employeeNumber + "@" + period));
    }

    private static Map<ServiceStarCriterion, Integer> scores(int each) {
        Map<ServiceStarCriterion, Integer> scores = new EnumMap<>(ServiceStarCriterion.class);
        for (ServiceStarCriterion criterion : ServiceStarCriterion.values()) {
            scores.put(criterion, each);
        }
        return scores;
    }

    private static ServiceStarRoundOpened opened(int limit) {
        return new ServiceStarRoundOpened(ID, YEAR, limit, OPENED);
    }

    private static ServiceStarNominated nominated(String employeeNumber) {
        return new ServiceStarNominated(ID, YEAR, employeeNumber, DEPT, scores(90), NOMINATED);
    }

    private static ServiceStarAwarded awarded(String employeeNumber) {
        return new ServiceStarAwarded(ID, YEAR, employeeNumber, DEPT, AWARDED);
    }

    private static AwardServiceStar award(String employeeNumber) {
        return new AwardServiceStar(YEAR, employeeNumber, AWARDED, null);
    }

    private static NominateServiceStar nominate(String employeeNumber, String departmentId, Map<ServiceStarCriterion, Integer> scores) {
        return new NominateServiceStar(YEAR, employeeNumber, departmentId, scores, NOMINATED, null);
    }

    @Test
    void theIdIsThePeriod() {
        assertThat(new OpenServiceStarRound(YEAR, null, OPENED).serviceStarRoundId()).isEqualTo(ID);
    }

    @Test
    void opensARoundForTenBestServiceStarsByDefault() {
        fixture.givenNoPriorActivity()
                .when(new OpenServiceStarRound(YEAR, null, OPENED))
                .expectEvents(opened(10));
    }

    @Test
    void opensARoundWithItsOwnLimit() {
        fixture.givenNoPriorActivity()
                .when(new OpenServiceStarRound(YEAR, 3, OPENED))
                .expectEvents(opened(3));
    }

    @Test
    void refusesALimitBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new OpenServiceStarRound(YEAR, 0, OPENED))
                .expectNoEvents()
                .expectException(rejection("service-star-round.award-limit-out-of-range"));
    }

    @Test
    void refusesOpeningTheSameRoundTwice() {
        fixture.given(opened(10))
                .when(new OpenServiceStarRound(YEAR, null, OPENED.plusSeconds(60)))
                .expectNoEvents()
                .expectException(rejection("service-star-round.already-opened"));
    }

    @Test
    void refusesAnOpeningTimeInTheFuture() {
        fixture.givenCurrentTime(OPENED)
                .andGivenCommands()
                .when(new OpenServiceStarRound(YEAR, null, OPENED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void nominatesStaffWithScoresForEveryCriterion() {
        fixture.given(opened(10))
                .when(nominate("E1001", DEPT, scores(90)))
                .expectEvents(nominated("E1001"));
    }

    @Test
    void refusesANominationFromAnUnknownDepartment() {
        fixture.given(opened(10))
                .when(nominate("E1001", "NOWHERE", scores(90)))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void refusesNominatingTwice() {
        fixture.given(opened(10), nominated("E1001"))
                .when(nominate("E1001", DEPT, scores(70)))
                .expectNoEvents()
                .expectException(rejection("service-star-round.already-nominated"));
    }

    @Test
    void refusesMissingOrOutOfRangeScores() {
        Map<ServiceStarCriterion, Integer> missing = scores(80);
        missing.remove(ServiceStarCriterion.PUBLIC_EVALUATION);
        fixture.given(opened(10))
                .when(nominate("E1001", DEPT, missing))
                .expectNoEvents()
                .expectException(rejection("service-star-round.scores-incomplete"));
        Map<ServiceStarCriterion, Integer> tooHigh = scores(80);
        tooHigh.put(ServiceStarCriterion.SKILLS, 101);
        fixture.given(opened(10))
                .when(nominate("E1001", DEPT, tooHigh))
                .expectNoEvents()
                .expectException(rejection("service-star-round.score-out-of-range"));
    }

    @Test
    void awardsANominee() {
        fixture.given(opened(10), nominated("E1001"))
                .when(award("E1001"))
                .expectEvents(awarded("E1001"));
    }

    @Test
    void refusesAnAwardToSomeoneNotNominated() {
        fixture.given(opened(10), nominated("E1001"))
                .when(award("E9999"))
                .expectNoEvents()
                .expectException(rejection("service-star-round.not-nominated"));
    }

    @Test
    void refusesAwardingTheSameStaffTwice() {
        fixture.given(opened(10), nominated("E1001"), awarded("E1001"))
                .when(award("E1001"))
                .expectNoEvents()
                .expectException(rejection("service-star-round.already-awarded"));
    }

    @Test
    void staffWithADisqualifyingRecordInThePeriodCannotBeAwarded() {
        disqualified.add("E1001@2026");
        fixture.given(opened(10), nominated("E1001"))
                .when(award("E1001"))
                .expectNoEvents()
                .expectException(rejection("service-star-round.staff-ineligible"));
    }

    @Test
    void aDisqualifyingRecordInAnotherPeriodDoesNotCount() {
        disqualified.add("E1001@2025");
        fixture.given(opened(10), nominated("E1001"))
                .when(award("E1001"))
                .expectEvents(awarded("E1001"));
    }

    @Test
    void awardsAtMostTheConfiguredNumber() {
        List<Object> given = new ArrayList<>(List.of(opened(10)));
        for (int i = 1; i <= 11; i++) {
            given.add(nominated("E" + i));
        }
        for (int i = 1; i <= 10; i++) {
            given.add(awarded("E" + i));
        }
        fixture.given(given)
                .when(award("E11"))
                .expectNoEvents()
                .expectException(rejection("service-star-round.award-limit-reached"));
    }

    @Test
    void theTenthAwardIsStillWithinTheDefaultLimit() {
        List<Object> given = new ArrayList<>(List.of(opened(10)));
        for (int i = 1; i <= 10; i++) {
            given.add(nominated("E" + i));
        }
        for (int i = 1; i <= 9; i++) {
            given.add(awarded("E" + i));
        }
        fixture.given(given)
                .when(award("E10"))
                .expectEvents(awarded("E10"));
    }

    @Test
    void aRevocationFreesAPlaceWithinTheLimit() {
        fixture.given(opened(1), nominated("E1"), nominated("E2"), awarded("E1"),
                        new ServiceStarRevoked(ID, YEAR, "E1", DEPT, "Complaint substantiated", AWARDED))
                .when(award("E2"))
                .expectEvents(awarded("E2"));
    }

    @Test
    void revokesAnAwardWithAReason() {
        fixture.given(opened(10), nominated("E1001"), awarded("E1001"))
                .when(new RevokeServiceStar(YEAR, "E1001", "Complaint substantiated", CLOSED, null))
                .expectEvents(new ServiceStarRevoked(ID, YEAR, "E1001", DEPT, "Complaint substantiated", CLOSED));
    }

    @Test
    void revokesAnAwardEvenAfterTheRoundClosed() {
        fixture.given(opened(10), nominated("E1001"), awarded("E1001"),
                        new ServiceStarRoundClosed(ID, YEAR, List.of("E1001"), CLOSED))
                .when(new RevokeServiceStar(YEAR, "E1001", "Misconduct came to light", CLOSED.plusSeconds(60), null))
                .expectEvents(new ServiceStarRevoked(ID, YEAR, "E1001", DEPT, "Misconduct came to light", CLOSED.plusSeconds(60)));
    }

    @Test
    void refusesRevokingWhatWasNotAwarded() {
        fixture.given(opened(10), nominated("E1001"))
                .when(new RevokeServiceStar(YEAR, "E1001", "No", CLOSED, null))
                .expectNoEvents()
                .expectException(rejection("service-star-round.not-awarded"));
    }

    @Test
    void closesTheRoundListingTheStandingStars() {
        fixture.given(opened(10), nominated("E1"), nominated("E2"), nominated("E3"), awarded("E2"), awarded("E1"),
                        awarded("E3"), new ServiceStarRevoked(ID, YEAR, "E3", DEPT, "Complaint substantiated", AWARDED))
                .when(new CloseServiceStarRound(YEAR, CLOSED, null))
                .expectEvents(new ServiceStarRoundClosed(ID, YEAR, List.of("E2", "E1"), CLOSED));
    }

    @Test
    void aClosedRoundTakesNoNominationsAwardsOrSecondClosing() {
        ServiceStarRoundClosed closed = new ServiceStarRoundClosed(ID, YEAR, List.of(), CLOSED);
        fixture.given(opened(10), nominated("E1"), closed)
                .when(nominate("E2", DEPT, scores(80)))
                .expectNoEvents()
                .expectException(rejection("service-star-round.closed"));
        fixture.given(opened(10), nominated("E1"), closed)
                .when(award("E1"))
                .expectNoEvents()
                .expectException(rejection("service-star-round.closed"));
        fixture.given(opened(10), nominated("E1"), closed)
                .when(new CloseServiceStarRound(YEAR, CLOSED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("service-star-round.closed"));
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }
}
