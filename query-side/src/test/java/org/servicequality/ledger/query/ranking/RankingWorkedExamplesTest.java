package org.servicequality.ledger.query.ranking;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.ranking.FindServiceStarRanking;
import org.servicequality.ledger.api.ranking.ServiceStarRanking;
import org.servicequality.ledger.api.ranking.StarStatus;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.api.complaint.ResolutionOutcome.NOT_SUBSTANTIATED;
import static org.servicequality.ledger.api.complaint.ResolutionOutcome.PARTLY_SUBSTANTIATED;
import static org.servicequality.ledger.api.complaint.ResolutionOutcome.SUBSTANTIATED;
import static org.servicequality.ledger.query.ranking.RankingEvents.CARDIOLOGY;
import static org.servicequality.ledger.query.ranking.RankingEvents.SHANGHAI;
import static org.servicequality.ledger.query.ranking.RankingEvents.on;

/** The worked examples of docs/scoring.md (Service Star rankings), event for event and figure for figure. */
class RankingWorkedExamplesTest {

    static final Period Q3 = Period.parse("2026-Q3");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final RankingProjection projection = new RankingProjection(harness.mongo(), Clock.system(SHANGHAI));
    private final RankingQueries queries = new RankingQueries(harness.mongo());
    private ServiceStarRanking ranking;

    /** The history of the worked examples, in the order the document tells it. */
    static RankingEvents workedExamples() {
        RankingEvents history = new RankingEvents().departments();
        for (String employee : new String[]{"E1001", "E1002", "E1003", "E1004", "E1005", "E1006", "E2001", "E2002", "E2003"}) {
            history.enrolled(employee, CARDIOLOGY, StaffRole.NURSING, "2025-01-02");
        }
        // Commendations: E1001.
        history.commendationVerified("p-1001-1", "E1001", on("2026-07-10"))
                .commendationVerified("p-1001-2", "E1001", on("2026-08-20"))
                .commendationRejected("p-1001-3", "E1001", on("2026-09-02"));
        // Complaints: E1002.
        history.complaintFiled("c1", "E1002", on("2026-07-03")).resolved("c1", SUBSTANTIATED, on("2026-07-08"))
                .complaintFiled("c2", "E1002", on("2026-07-04")).resolved("c2", PARTLY_SUBSTANTIATED, on("2026-07-09"))
                .complaintFiled("c3", "E1002", on("2026-07-05")).resolved("c3", NOT_SUBSTANTIATED, on("2026-07-10"))
                .complaintFiled("c4", "E1002", on("2026-07-06")).resolved("c4", SUBSTANTIATED, on("2026-07-11"))
                .markedInvalid("c4", on("2026-08-30"))
                .complaintFiled("c5", "E1002", on("2026-07-07")).withdrawn("c5", on("2026-07-08"))
                .complaintFiled("c6", "E1002", on("2026-08-01")).resolved("c6", SUBSTANTIATED, on("2026-08-05"))
                .reopened("c6", on("2026-08-10")).resolved("c6", NOT_SUBSTANTIATED, on("2026-08-20"));
        // Findings: E1003.
        Instant inspection = on("2026-08-05");
        history.finding("f1", "E1003", true, null, inspection)
                .finding("f2", "E1003", false, Severity.MINOR, inspection)
                .finding("f3", "E1003", false, Severity.MAJOR, inspection)
                .finding("f4", "E1003", false, Severity.SERIOUS, inspection)
                .upheld("f3", "E1003", Severity.MAJOR, inspection)
                .overturned("f4", inspection);
        // Satisfaction: E1004.
        history.complaintFiled("c7", "E1004", on("2026-09-01")).resolved("c7", NOT_SUBSTANTIATED, on("2026-09-03"))
                .followedUp("c7", 5, on("2026-09-10"))
                .complaintFiled("c8", "E1004", on("2026-09-02")).resolved("c8", PARTLY_SUBSTANTIATED, on("2026-09-04"))
                .followedUp("c8", 2, on("2026-09-11"));
        // Criteria and awards: E1005, E1006.
        history.nominated(Q3, "E1005", 90, 85, 80, 95, 100, 88).awarded(Q3, "E1005")
                .commendationVerified("p-1005-1", "E1005", on("2026-09-15"))
                .nominated(Q3, "E1006", 50, 50, 50, 50, 50, 50).awarded(Q3, "E1006").revoked(Q3, "E1006");
        // Ties: E2001, E2002, E2003.
        history.commendationVerified("p-2001-1", "E2001", on("2026-07-01"))
                .commendationVerified("p-2001-2", "E2001", on("2026-07-02"))
                .commendationVerified("p-2001-3", "E2001", on("2026-07-03"))
                .complaintFiled("c9", "E2001", on("2026-07-20")).resolved("c9", PARTLY_SUBSTANTIATED, on("2026-07-25"))
                .commendationVerified("p-2003-1", "E2003", on("2026-08-01"))
                .commendationVerified("p-2003-2", "E2003", on("2026-08-02"))
                .commendationVerified("p-2002-1", "E2002", on("2026-09-01"))
                .commendationVerified("p-2002-2", "E2002", on("2026-09-02"));
        return history;
    }

    @BeforeEach
    void project() {
        harness.deliver(projection, workedExamples().events());
        ranking = queries.handle(new FindServiceStarRanking(Q3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private ServiceStarRanking.Row row(String employeeNumber) {
        return ranking.rows().stream().filter(row -> row.employeeNumber().equals(employeeNumber)).findFirst().orElseThrow();
    }

    private static BigDecimal points(String value) {
        return new BigDecimal(value);
    }

    @Test
    void namesTheScoringVersionAndThePeriod() {
        assertThat(ranking.scoringVersion()).isEqualTo("service-star-1");
        assertThat(ranking.period()).isEqualTo("2026-Q3");
    }

    @Test
    void commendations() {
        ServiceStarRanking.Row row = row("E1001");
        assertThat(row.components().commendations()).isEqualTo(new ServiceStarRanking.Commendations(2, points("10.00")));
        assertThat(row.score()).isEqualTo(points("10.00"));
        assertThat(row.departmentId()).isEqualTo(CARDIOLOGY);
        assertThat(row.departmentNameZh()).isEqualTo("心内科");
        assertThat(row.departmentNameEn()).isEqualTo("Cardiology");
        assertThat(row.role()).isEqualTo("NURSING");
    }

    @Test
    void complaints() {
        ServiceStarRanking.Row row = row("E1002");
        assertThat(row.components().complaints()).isEqualTo(new ServiceStarRanking.Complaints(1, 1, points("-15.00")));
        assertThat(row.components().satisfaction()).isEqualTo(new ServiceStarRanking.Satisfaction(0, 0, points("0.00")));
        assertThat(row.score()).isEqualTo(points("-15.00"));
    }

    @Test
    void findings() {
        ServiceStarRanking.Row row = row("E1003");
        assertThat(row.components().findings()).isEqualTo(new ServiceStarRanking.Findings(1, 1, 1, 0, points("-4.00")));
        assertThat(row.score()).isEqualTo(points("-4.00"));
    }

    @Test
    void satisfaction() {
        ServiceStarRanking.Row row = row("E1004");
        assertThat(row.components().satisfaction()).isEqualTo(new ServiceStarRanking.Satisfaction(2, 7, points("2.00")));
        assertThat(row.components().complaints()).isEqualTo(new ServiceStarRanking.Complaints(0, 1, points("-5.00")));
        assertThat(row.score()).isEqualTo(points("-3.00"));
    }

    @Test
    void criteriaAndAwards() {
        ServiceStarRanking.Row awarded = row("E1005");
        assertThat(awarded.components().criteria()).isEqualTo(new ServiceStarRanking.Criteria(Map.of(
                ServiceStarCriterion.SKILLS, 90, ServiceStarCriterion.PERFORMANCE, 85, ServiceStarCriterion.SERVICE_ENVIRONMENT, 80,
                ServiceStarCriterion.SERVICE_QUALITY, 95, ServiceStarCriterion.DISCIPLINE, 100, ServiceStarCriterion.PUBLIC_EVALUATION, 88),
                538, points("44.83")));
        assertThat(awarded.components().commendations()).isEqualTo(new ServiceStarRanking.Commendations(1, points("5.00")));
        assertThat(awarded.score()).isEqualTo(points("49.83"));
        assertThat(awarded.star()).isEqualTo(StarStatus.AWARDED);

        ServiceStarRanking.Row revoked = row("E1006");
        assertThat(revoked.components().criteria().total()).isEqualTo(300);
        assertThat(revoked.components().criteria().points()).isEqualTo(points("25.00"));
        assertThat(revoked.score()).isEqualTo(points("25.00"));
        assertThat(revoked.star()).isEqualTo(StarStatus.REVOKED);

        assertThat(ranking.awardedStars()).extracting(ServiceStarRanking.Row::employeeNumber).containsExactly("E1005");
        assertThat(row("E1001").star()).isEqualTo(StarStatus.NOT_NOMINATED);
        assertThat(row("E1001").components().criteria()).isEqualTo(new ServiceStarRanking.Criteria(Map.of(), 0, points("0.00")));
    }

    @Test
    void tiesAndTheResultingRanking() {
        assertThat(row("E2001").score()).isEqualTo(points("10.00"));
        assertThat(row("E2002").score()).isEqualTo(points("10.00"));
        assertThat(row("E2003").score()).isEqualTo(points("10.00"));

        assertThat(ranking.rows()).extracting(ServiceStarRanking.Row::rank, ServiceStarRanking.Row::employeeNumber, ServiceStarRanking.Row::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "E1005", points("49.83")),
                        org.assertj.core.groups.Tuple.tuple(2, "E1006", points("25.00")),
                        org.assertj.core.groups.Tuple.tuple(3, "E2001", points("10.00")),
                        org.assertj.core.groups.Tuple.tuple(4, "E1001", points("10.00")),
                        org.assertj.core.groups.Tuple.tuple(5, "E2002", points("10.00")),
                        org.assertj.core.groups.Tuple.tuple(6, "E2003", points("10.00")),
                        org.assertj.core.groups.Tuple.tuple(7, "E1004", points("-3.00")),
                        org.assertj.core.groups.Tuple.tuple(8, "E1003", points("-4.00")),
                        org.assertj.core.groups.Tuple.tuple(9, "E1002", points("-15.00")));
    }
}
