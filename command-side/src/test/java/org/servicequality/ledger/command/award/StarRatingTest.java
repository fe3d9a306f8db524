package org.servicequality.ledger.command.award;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.AwardStarRating;
import org.servicequality.ledger.api.award.RevokeStarRating;
import org.servicequality.ledger.api.award.StarRatingAwarded;
import org.servicequality.ledger.api.award.StarRatingCriterion;
import org.servicequality.ledger.api.award.StarRatingRevoked;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class StarRatingTest {

    private static final String DEPT = "BR-0101";
    private static final Period Q3 = Period.parse("2026-Q3");
    private static final String ID = "star-rating:BR-0101:2026-Q3";
    private static final Instant AWARDED = Instant.parse("2026-10-10T02:00:00Z");
    private static final Instant REVOKED = AWARDED.plus(Duration.ofDays(20));

    private AggregateTestFixture<StarRating> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StarRating.class);
        fixture.registerInjectableResource((DepartmentDirectory) DEPT::equals);
    }

    private static Map<StarRatingCriterion, Integer> scores(int each) {
        Map<StarRatingCriterion, Integer> scores = new EnumMap<>(StarRatingCriterion.class);
        for (StarRatingCriterion criterion : StarRatingCriterion.values()) {
            scores.put(criterion, each);
        }
        return scores;
    }

    private static AwardStarRating award(String departmentId, int stars, Map<StarRatingCriterion, Integer> scores, Instant at) {
        return new AwardStarRating(departmentId, Q3, stars, scores, at, null);
    }

    private static StarRatingAwarded awarded(int stars, Instant at) {
        return new StarRatingAwarded(ID, DEPT, Q3, stars, scores(90), at);
    }

    private static StarRatingRevoked revoked() {
        return new StarRatingRevoked(ID, DEPT, Q3, 5, "Serious complaint substantiated after rating", REVOKED);
    }

    @Test
    void theIdIsTheDepartmentAndPeriod() {
        assertThat(award(DEPT, 5, scores(90), AWARDED).starRatingId()).isEqualTo(ID);
    }

    @Test
    void awardsStarsWithScoresForEveryCriterion() {
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 5, scores(90), AWARDED))
                .expectEvents(awarded(5, AWARDED));
    }

    @Test
    void acceptsTheBoundsOfStarsAndScores() {
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 1, scores(0), AWARDED))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 5, scores(100), AWARDED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(award("NOWHERE", 3, scores(60), AWARDED))
                .expectNoEvents()
                .expectException(rejection("department.unknown"));
    }

    @Test
    void refusesZeroOrSixStars() {
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 0, scores(60), AWARDED))
                .expectNoEvents()
                .expectException(rejection("star-rating.stars-out-of-range"));
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 6, scores(60), AWARDED))
                .expectNoEvents()
                .expectException(rejection("star-rating.stars-out-of-range"));
    }

    @Test
    void refusesAScoreOutsideZeroToHundred() {
        Map<StarRatingCriterion, Integer> scores = scores(80);
        scores.put(StarRatingCriterion.DISCIPLINE, 101);
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 4, scores, AWARDED))
                .expectNoEvents()
                .expectException(rejection("star-rating.score-out-of-range"));
        scores.put(StarRatingCriterion.DISCIPLINE, -1);
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 4, scores, AWARDED))
                .expectNoEvents()
                .expectException(rejection("star-rating.score-out-of-range"));
    }

    @Test
    void refusesMissingCriteria() {
        Map<StarRatingCriterion, Integer> scores = scores(80);
        scores.remove(StarRatingCriterion.PUBLIC_SATISFACTION);
        fixture.givenNoPriorActivity()
                .when(award(DEPT, 4, scores, AWARDED))
                .expectNoEvents()
                .expectException(rejection("star-rating.scores-incomplete"));
    }

    @Test
    void refusesAnAwardTimeInTheFuture() {
        fixture.givenCurrentTime(AWARDED)
                .andGivenCommands()
                .when(award(DEPT, 4, scores(80), AWARDED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(rejection("time.in-future"));
    }

    @Test
    void refusesASecondRatingWhileOneHolds() {
        fixture.given(awarded(5, AWARDED))
                .when(award(DEPT, 4, scores(90), REVOKED))
                .expectNoEvents()
                .expectException(rejection("star-rating.already-awarded"));
    }

    @Test
    void revokesWithAReasonNamingTheStarsThatNoLongerHold() {
        fixture.given(awarded(5, AWARDED))
                .when(new RevokeStarRating(DEPT, Q3, "Serious complaint substantiated after rating", REVOKED, null))
                .expectEvents(revoked());
    }

    @Test
    void refusesRevokingTwice() {
        fixture.given(awarded(5, AWARDED), revoked())
                .when(new RevokeStarRating(DEPT, Q3, "Again", REVOKED.plusSeconds(60), null))
                .expectNoEvents()
                .expectException(rejection("star-rating.not-awarded"));
    }

    @Test
    void awardsAgainAfterARevocation() {
        Instant again = REVOKED.plus(Duration.ofDays(5));
        fixture.given(awarded(5, AWARDED), revoked())
                .when(award(DEPT, 3, scores(90), again))
                .expectEvents(awarded(3, again));
    }

    private static org.hamcrest.Matcher<?> rejection(String rule) {
        return predicate(e -> e instanceof CommandRejectedException rejected && rule.equals(rejected.rejection().rule()));
    }
}
