package org.servicequality.ledger.query.scorecard;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindDepartmentScorecard;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.query.projection.ProjectionHarness.event;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.CLOCK;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.at;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.complaint;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.replied;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.workedExample;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

class DepartmentStatisticsProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final DepartmentStatisticsProjection projection = new DepartmentStatisticsProjection(harness.mongo(), CLOCK);
    private final ScorecardQueries queries = new ScorecardQueries(harness.mongo());

    private static final EventMessage<?> REGISTERED =
            event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private DepartmentScorecard cardiology(String period) {
        return queries.handle(new FindDepartmentScorecard("CARDIOLOGY", Period.parse(period))).orElseThrow();
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        List<EventMessage<?>> history = workedExample();
        harness.deliver(projection, history);
        DepartmentScorecard once = cardiology("2026-Q3");

        harness.deliver(projection, history);

        assertThat(cardiology("2026-Q3")).isEqualTo(once);
    }

    @Test
    void redeliveryRepairsAMonthWhoseWriteWasLostWhileTheCaseWasKept() {
        EventMessage<?> filed = event(complaint("c-1", Category.PROCESS, Channel.WEB, "2026-07-01T09:00:00", "2026-07-04T00:00:00"));
        EventMessage<?> reply = event(replied("c-1", "2026-07-01T15:00:00"));
        harness.deliver(projection, REGISTERED, filed, reply);
        harness.mongo().remove(query(where("_id").is("CARDIOLOGY:2026-07")), DepartmentMonth.class);

        harness.deliver(projection, filed, reply);
        assertThat(cardiology("2026-07").replies().replied()).isEqualTo(1);
        harness.deliver(projection, event(new ComplaintMarkedInvalid("c-1", "CARDIOLOGY", InvalidComplaintReason.MISTAKEN, "test", at("2026-07-02T09:00:00"))));

        DepartmentScorecard july = cardiology("2026-07");
        assertThat(july.feedback().complaints()).isZero();
        assertThat(july.feedback().byCategory()).isEmpty();
        assertThat(july.feedback().excludedByReason()).containsExactlyEntriesOf(Map.of("MISTAKEN", 1L));
        assertThat(july.replies()).isEqualTo(new DepartmentScorecard.Replies(0, 0, null, null));
    }

    @Test
    void redeliveryAfterALostCaseWriteCountsNothingTwice() {
        EventMessage<?> filed = event(complaint("c-1", Category.PROCESS, Channel.WEB, "2026-07-01T09:00:00", "2026-07-04T00:00:00"));
        EventMessage<?> reply = event(replied("c-1", "2026-07-01T15:00:00"));
        EventMessage<?> invalid = event(new ComplaintMarkedInvalid("c-1", "CARDIOLOGY", InvalidComplaintReason.DUPLICATE, "twice", at("2026-07-02T09:00:00")));
        harness.deliver(projection, REGISTERED, filed, reply, invalid);
        harness.mongo().remove(query(where("_id").is("c-1")), ComplaintCase.class);

        harness.deliver(projection, filed, reply, invalid);

        DepartmentScorecard july = cardiology("2026-07");
        assertThat(july.feedback().complaints()).isZero();
        assertThat(july.feedback().excluded()).isEqualTo(1);
        assertThat(july.replies().replied()).isZero();
    }

    @Test
    void anItemMarkedInvalidMonthsLaterLeavesTheMonthItWasCountedIn() {
        harness.deliver(projection, REGISTERED,
                event(complaint("c-1", Category.PROCESS, Channel.WEB, "2026-05-20T09:00:00", "2026-05-23T00:00:00")),
                event(replied("c-1", "2026-05-21T09:00:00")));
        harness.deliver(projection,
                event(new ComplaintMarkedInvalid("c-1", "CARDIOLOGY", InvalidComplaintReason.MALICIOUS, "abuse", at("2026-07-02T09:00:00"))));

        assertThat(cardiology("2026-05").feedback().complaints()).isZero();
        assertThat(cardiology("2026-05").feedback().excluded()).isEqualTo(1);
        assertThat(cardiology("2026-07").feedback().excluded()).isZero();
    }

    @Test
    void eventsCountInTheOrganisationsMonthAndNowhereElse() {
        harness.deliver(projection, REGISTERED,
                // 30 June 17:00 UTC is already 1 July in Shanghai.
                event(complaint("c-1", Category.PROCESS, Channel.WEB, "2026-07-01T01:00:00", "2026-07-04T00:00:00")),
                // Filed in June, answered in July: the reply belongs to June's cohort.
                event(complaint("c-2", Category.PROCESS, Channel.WEB, "2026-06-29T09:00:00", "2026-07-02T00:00:00")),
                event(replied("c-2", "2026-07-01T10:00:00")),
                event(complaint("c-3", Category.PROCESS, Channel.WEB, "2025-07-15T09:00:00", "2025-07-18T00:00:00")));

        assertThat(Instant.parse("2026-06-30T17:00:00Z")).isEqualTo(at("2026-07-01T01:00:00"));
        assertThat(cardiology("2026-07").feedback().complaints()).isEqualTo(1);
        assertThat(cardiology("2026-07").replies().replied()).isZero();
        assertThat(cardiology("2026-06").replies().replied()).isEqualTo(1);
        assertThat(cardiology("2026").feedback().complaints()).isEqualTo(2);
        assertThat(cardiology("2025").feedback().complaints()).isEqualTo(1);
    }

    @Test
    void anUnknownDepartmentHasNoScorecard() {
        harness.deliver(projection, REGISTERED);

        assertThat(queries.handle(new FindDepartmentScorecard("NOWHERE", Period.parse("2026-07")))).isEmpty();
        assertThat(cardiology("2026-07").compositeScore()).isNull();
    }
}
