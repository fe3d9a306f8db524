package org.servicequality.ledger.query.ranking;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.ranking.FindServiceStarRanking;
import org.servicequality.ledger.api.ranking.ServiceStarRanking;
import org.servicequality.ledger.api.ranking.StarStatus;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.query.ranking.RankingEvents.CARDIOLOGY;
import static org.servicequality.ledger.query.ranking.RankingEvents.PHARMACY;
import static org.servicequality.ledger.query.ranking.RankingEvents.SHANGHAI;
import static org.servicequality.ledger.query.ranking.RankingEvents.on;
import static org.servicequality.ledger.query.ranking.RankingWorkedExamplesTest.Q3;

class RankingProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final RankingProjection projection = new RankingProjection(harness.mongo(), Clock.system(SHANGHAI));
    private final RankingQueries queries = new RankingQueries(harness.mongo());

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private ServiceStarRanking ranking(String period) {
        return queries.handle(new FindServiceStarRanking(Period.parse(period)));
    }

    private Optional<ServiceStarRanking.Row> row(String period, String employeeNumber) {
        return ranking(period).rows().stream().filter(row -> row.employeeNumber().equals(employeeNumber)).findFirst();
    }

    private void deliverOneByOne(List<EventMessage<?>> events) {
        events.forEach(event -> harness.deliver(projection, event));
    }

    private List<Document> stored(String collection) {
        return harness.contentsOf(collection);
    }

    @Test
    void oneEventPerBatchGivesTheSameRankingAsOneBatch() {
        deliverOneByOne(RankingWorkedExamplesTest.workedExamples().events());
        ServiceStarRanking oneByOne = ranking("2026-Q3");

        try (ProjectionHarness other = new ProjectionHarness()) {
            other.deliver(new RankingProjection(other.mongo(), Clock.system(SHANGHAI)), RankingWorkedExamplesTest.workedExamples().events());
            assertThat(new RankingQueries(other.mongo()).handle(new FindServiceStarRanking(Q3))).isEqualTo(oneByOne);
        }
        assertThat(oneByOne.rows()).hasSize(9);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<EventMessage<?>> events = RankingWorkedExamplesTest.workedExamples().events();
        harness.deliver(projection, events);
        ServiceStarRanking once = ranking("2026-Q3");
        List<Document> documentsOnce = stored("service_star_rankings");

        harness.deliver(projection, events);

        assertThat(ranking("2026-Q3")).isEqualTo(once);
        assertThat(stored("service_star_rankings")).isEqualTo(documentsOnce);
    }

    @Test
    void anEventRepeatedWithinOneBatchCountsOnce() {
        List<EventMessage<?>> events = new RankingEvents().departments()
                .enrolled("E1001", CARDIOLOGY, StaffRole.NURSING, "2025-01-02")
                .commendationVerified("p-1", "E1001", on("2026-07-10"))
                .complaintFiled("c-1", "E1001", on("2026-07-11")).followedUp("c-1", 5, on("2026-07-20"))
                .events();
        List<EventMessage<?>> doubled = new ArrayList<>();
        events.forEach(event -> {
            doubled.add(event);
            doubled.add(event);
        });
        harness.deliver(projection, doubled);

        ServiceStarRanking.Row row = row("2026-Q3", "E1001").orElseThrow();
        assertThat(row.components().commendations().verified()).isEqualTo(1);
        assertThat(row.components().satisfaction().followUps()).isEqualTo(1);
    }

    /**
     * Tokens and read models are not written in one transaction, and a batch's bulk write goes
     * collection by collection: a crash can leave the facts of a batch written and what derives from
     * them not. Delivering the batch again must repair that, not skip it as already seen.
     */
    @Test
    void redeliveryRepairsABatchWhoseWriteReachedOnlySomeCollections() {
        RankingEvents history = RankingWorkedExamplesTest.workedExamples();
        List<EventMessage<?>> events = history.events();
        List<EventMessage<?>> earlier = events.subList(0, events.size() / 2);
        List<EventMessage<?>> lastBatch = events.subList(events.size() / 2, events.size());
        harness.deliver(projection, earlier);
        List<Document> monthsBefore = stored("ranking_staff_months");
        List<Document> rankingsBefore = stored("service_star_rankings");

        harness.deliver(projection, lastBatch);
        // The crash: of the last batch, only the per-case facts and staff records reached MongoDB.
        restore("ranking_staff_months", monthsBefore);
        restore("service_star_rankings", rankingsBefore);

        harness.deliver(projection, lastBatch);

        try (ProjectionHarness uninterrupted = new ProjectionHarness()) {
            uninterrupted.deliver(new RankingProjection(uninterrupted.mongo(), Clock.system(SHANGHAI)), events);
            assertThat(ranking("2026-Q3")).isEqualTo(new RankingQueries(uninterrupted.mongo()).handle(new FindServiceStarRanking(Q3)));
        }
    }

    private void restore(String collection, List<Document> documents) {
        harness.mongo().dropCollection(collection);
        documents.forEach(document -> harness.mongo().insert(document, collection));
    }

    @Test
    void itemsCountInThePeriodOfTheirDateInTheOrganisationsTimeZone() {
        harness.deliver(projection, new RankingEvents().departments()
                .enrolled("E1001", CARDIOLOGY, StaffRole.NURSING, "2025-01-02")
                // 30 June 16:30 UTC is 1 July 00:30 in Shanghai: Q3.
                .commendationVerified("p-1", "E1001", Instant.parse("2026-06-30T16:30:00Z"))
                // 30 September 16:00 UTC is 1 October 00:00 in Shanghai: Q4.
                .commendationVerified("p-2", "E1001", Instant.parse("2026-09-30T16:00:00Z"))
                // 30 June 15:59 UTC is still 30 June in Shanghai: Q2.
                .complaintFiled("c-1", "E1001", Instant.parse("2026-06-30T15:59:00Z"))
                .resolved("c-1", ResolutionOutcome.SUBSTANTIATED, on("2026-07-05"))
                .events());

        assertThat(row("2026-Q2", "E1001").orElseThrow().components().complaints().substantiated()).isEqualTo(1);
        assertThat(row("2026-Q2", "E1001").orElseThrow().components().commendations().verified()).isZero();
        assertThat(row("2026-Q3", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026-Q3", "E1001").orElseThrow().components().complaints().substantiated()).isZero();
        assertThat(row("2026-07", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026-Q4", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026-09", "E1001")).isEmpty();
        assertThat(ranking("2025").rows()).isEmpty();
    }

    @Test
    void quartersAndYearsAreTheSumOfTheirMonths() {
        harness.deliver(projection, new RankingEvents().departments()
                .enrolled("E1001", CARDIOLOGY, StaffRole.NURSING, "2025-01-02")
                .commendationVerified("p-1", "E1001", on("2026-07-10"))
                .commendationVerified("p-2", "E1001", on("2026-08-10"))
                .commendationVerified("p-3", "E1001", on("2026-12-10"))
                .events());

        assertThat(row("2026-07", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026-08", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026-Q3", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(2);
        assertThat(row("2026-Q4", "E1001").orElseThrow().components().commendations().verified()).isEqualTo(1);
        assertThat(row("2026", "E1001").orElseThrow().score()).isEqualByComparingTo("15");
    }

    @Test
    void aComplaintMarkedInvalidLaterIsTakenOutOfItsPeriod() {
        RankingEvents history = new RankingEvents().departments()
                .enrolled("E1002", CARDIOLOGY, StaffRole.SERVICE_WINDOW, "2025-01-02")
                .complaintFiled("c-1", "E1002", on("2026-07-03"))
                .resolved("c-1", ResolutionOutcome.SUBSTANTIATED, on("2026-07-08"))
                .followedUp("c-1", 1, on("2026-07-09"));
        harness.deliver(projection, history.events());
        assertThat(row("2026-Q3", "E1002").orElseThrow().score()).isEqualByComparingTo("-14");

        // Months later, in another batch, the case turns out to be malicious.
        harness.deliver(projection, new RankingEvents().markedInvalid("c-1", on("2026-11-20")).events());

        assertThat(row("2026-Q3", "E1002")).isEmpty();
        assertThat(row("2026-07", "E1002")).isEmpty();
        assertThat(row("2026", "E1002")).isEmpty();
    }

    @Test
    void suggestionsAndFindingsAboutNobodyAreNotRanked() {
        harness.deliver(projection, new RankingEvents().departments()
                .suggestionFiled("s-1", "E1001", on("2026-07-03"))
                .resolved("s-1", ResolutionOutcome.SUBSTANTIATED, on("2026-07-05"))
                .followedUp("s-1", 5, on("2026-07-06"))
                .events());

        assertThat(ranking("2026-Q3").rows()).isEmpty();
    }

    @Test
    void rowsShowTheDepartmentAndRoleHeldAtTheEndOfThePeriod() {
        harness.deliver(projection, new RankingEvents().departments()
                .enrolled("E1001", CARDIOLOGY, StaffRole.NURSING, "2025-01-02")
                .commendationVerified("p-1", "E1001", on("2026-08-10"))
                .commendationVerified("p-2", "E1001", on("2026-11-10"))
                .events());
        assertThat(row("2026", "E1001").orElseThrow().departmentId()).isEqualTo(CARDIOLOGY);

        harness.deliver(projection, new RankingEvents()
                .transferred("E1001", CARDIOLOGY, PHARMACY, StaffRole.SERVICE_WINDOW, on("2026-10-05"))
                .events());

        ServiceStarRanking.Row q3 = row("2026-Q3", "E1001").orElseThrow();
        assertThat(q3.departmentId()).isEqualTo(CARDIOLOGY);
        assertThat(q3.role()).isEqualTo("NURSING");
        ServiceStarRanking.Row year = row("2026", "E1001").orElseThrow();
        assertThat(year.departmentId()).isEqualTo(PHARMACY);
        assertThat(year.departmentNameZh()).isEqualTo("药剂科");
        assertThat(year.role()).isEqualTo("SERVICE_WINDOW");
        assertThat(row("2026-11", "E1001").orElseThrow().departmentId()).isEqualTo(PHARMACY);
    }

    @Test
    void aNomineeNotEnrolledIsShownInTheNominationsDepartmentWithoutRole() {
        harness.deliver(projection, new RankingEvents().departments()
                .nominated(Q3, "E9001", 100, 100, 100, 100, 100, 100)
                .awarded(Q3, "E9001")
                .revoked(Q3, "E9001")
                .awarded(Q3, "E9001")
                .events());

        ServiceStarRanking.Row row = row("2026-Q3", "E9001").orElseThrow();
        assertThat(row.departmentId()).isEqualTo(CARDIOLOGY);
        assertThat(row.role()).isNull();
        assertThat(row.star()).isEqualTo(StarStatus.AWARDED);
        assertThat(row.score()).isEqualByComparingTo("50");
        // A quarter's round ranks the quarter only.
        assertThat(row("2026-09", "E9001")).isEmpty();
        assertThat(row("2026", "E9001")).isEmpty();
    }

    /** In the scaled-out mode the answer crosses Axon Server as JSON; it must come back equal, with nothing extra. */
    @Test
    void theAnswerSurvivesTheMessageSerializer() {
        harness.deliver(projection, RankingWorkedExamplesTest.workedExamples().events());
        ServiceStarRanking answer = ranking("2026-Q3");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

        SerializedObject<String> serialized = serializer.serialize(answer, String.class);

        assertThat(serialized.getData()).doesNotContain("awardedStars");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(answer);
    }

    @Test
    void resetDropsEverythingSoAReplayRebuildsTheSameDocuments() {
        List<EventMessage<?>> events = RankingWorkedExamplesTest.workedExamples().events();
        for (int from = 0; from < events.size(); from += 7) {
            harness.deliver(projection, events.subList(from, Math.min(from + 7, events.size())));
        }
        List<Document> live = stored("service_star_rankings");

        projection.reset();
        assertThat(ranking("2026-Q3").rows()).isEmpty();
        harness.deliver(projection, events);

        assertThat(stored("service_star_rankings")).isEqualTo(live);
    }
}
