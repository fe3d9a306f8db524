package org.servicequality.ledger.query.scorecard;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.ServiceVolumeCorrected;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindDepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindMonthlyTrend;
import org.servicequality.ledger.api.scorecard.FindScorecards;
import org.servicequality.ledger.api.scorecard.FindScorecardsAndTrend;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.query.projection.ProjectionHarness.event;

/**
 * The worked example of docs/scoring.md, event for event: Cardiology in July 2026 (and July 2025 and
 * August 2026 for the year-on-year change and the quarter). Every figure asserted here is written in
 * the document.
 */
class ScoringWorkedExampleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-20T04:00:00Z"), SHANGHAI);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final DepartmentStatisticsProjection projection = new DepartmentStatisticsProjection(harness.mongo(), CLOCK);
    private final ScorecardQueries queries = new ScorecardQueries(harness.mongo());

    @AfterEach
    void tearDown() {
        harness.close();
    }

    static Instant at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + "+08:00").toInstant();
    }

    static ComplaintFiled filed(String id, FeedbackKind kind, Category category, Channel channel, String receivedAt, String replyDueBy) {
        return new ComplaintFiled(id, channel, kind, category, "CARDIOLOGY", List.of("E1001"), "summary", "details",
                at(receivedAt), LocalDate.parse(replyDueBy.substring(0, 10)).minusDays(1), at(replyDueBy), null);
    }

    static ComplaintFiled complaint(String id, Category category, Channel channel, String receivedAt, String replyDueBy) {
        return filed(id, FeedbackKind.COMPLAINT, category, channel, receivedAt, replyDueBy);
    }

    static ComplaintReplied replied(String id, String at) {
        return new ComplaintReplied(id, "CARDIOLOGY", "reply", at(at));
    }

    static ComplaintResolved resolved(String id, ResolutionOutcome outcome, String at) {
        return new ComplaintResolved(id, "CARDIOLOGY", outcome, false, at(at));
    }

    static SatisfactionFollowUpRecorded followUp(String id, int score, String at) {
        return new SatisfactionFollowUpRecorded(id, "CARDIOLOGY", score, "comment", at(at));
    }

    static FindingRecorded finding(String findingId, Severity severity, int points, boolean positive, String inspectedAt) {
        return new FindingRecorded("insp-1", findingId, "CARDIOLOGY", "clause 1", severity, points, positive, List.of(),
                "description", at(inspectedAt));
    }

    static RectificationOrdered rectification(String id, String dueDate) {
        LocalDate due = LocalDate.parse(dueDate);
        return new RectificationOrdered(id, RectificationSource.complaint("c-1"), "CARDIOLOGY", "action", due,
                due.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), at("2026-07-01T08:00:00"));
    }

    static RectificationVerified verified(String id, String dueDate, String verifiedAt) {
        Instant dueAt = LocalDate.parse(dueDate).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        return new RectificationVerified(id, "CARDIOLOGY", "QA-1", "ok", at(verifiedAt), dueAt, !at(verifiedAt).isAfter(dueAt));
    }

    static CommendationVerified commendation(String id, String receivedAt) {
        return new CommendationVerified(id, "CARDIOLOGY", List.of("E1002"), Channel.LETTER, at(receivedAt), at(receivedAt).plusSeconds(86_400));
    }

    /** The events of the worked example, in the order they happened. */
    static List<EventMessage<?>> workedExample() {
        List<Object> events = new ArrayList<>(List.of(
                new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL),
                // July 2025, the year-earlier period: five complaints, 25,000 contacts.
                new ServiceVolumeReported("CARDIOLOGY", Period.parse("2025-07"), 25_000, at("2025-08-01T09:00:00"))));
        for (int i = 1; i <= 5; i++) {
            events.add(complaint("old-" + i, Category.SERVICE_QUALITY, Channel.LETTER, "2025-07-1" + i + "T09:00:00", "2025-07-2" + i + "T00:00:00"));
        }
        events.addAll(List.of(
                new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-07"), 18_000, at("2026-08-01T09:00:00")),
                new ServiceVolumeCorrected("CARDIOLOGY", Period.parse("2026-07"), 20_000, 18_000, at("2026-08-02T09:00:00")),
                complaint("c-1", Category.SERVICE_ATTITUDE, Channel.WEB, "2026-07-01T09:00:00", "2026-07-04T00:00:00"),
                replied("c-1", "2026-07-01T15:00:00"),
                complaint("c-2", Category.PROCESS, Channel.HOTLINE, "2026-07-02T09:00:00", "2026-07-07T00:00:00"),
                replied("c-2", "2026-07-03T09:00:00"),
                replied("c-2", "2026-07-05T09:00:00"),
                complaint("c-3", Category.SERVICE_ATTITUDE, Channel.HOTLINE, "2026-07-06T10:00:00", "2026-07-09T00:00:00"),
                filed("s-4", FeedbackKind.SUGGESTION, Category.ENVIRONMENT, Channel.KIOSK, "2026-07-08T11:00:00", "2026-07-11T00:00:00"),
                complaint("c-5", Category.PRICING, Channel.WEB, "2026-07-09T08:00:00", "2026-07-14T00:00:00"),
                replied("c-5", "2026-07-09T10:00:00"),
                replied("c-3", "2026-07-10T10:00:00"),
                resolved("c-1", ResolutionOutcome.SUBSTANTIATED, "2026-07-11T10:00:00"),
                resolved("c-2", ResolutionOutcome.NOT_SUBSTANTIATED, "2026-07-12T10:00:00"),
                new ComplaintWithdrawn("s-4", "CARDIOLOGY", "no longer needed", at("2026-07-12T11:00:00")),
                new ComplaintMarkedInvalid("c-5", "CARDIOLOGY", InvalidComplaintReason.MALICIOUS, "threats", at("2026-07-13T10:00:00")),
                finding("f-1", Severity.MINOR, 2, false, "2026-07-15T10:00:00"),
                finding("f-2", Severity.MAJOR, 5, false, "2026-07-15T10:00:00"),
                finding("f-3", null, 0, true, "2026-07-15T10:00:00"),
                finding("f-4", Severity.SERIOUS, 10, false, "2026-07-15T10:00:00"),
                new FindingOverturned("insp-1", "f-4", "CARDIOLOGY", 10, at("2026-07-15T10:00:00"), "appeal upheld", at("2026-07-25T10:00:00")),
                rectification("r-1", "2026-07-20"),
                rectification("r-2", "2026-07-25"),
                rectification("r-3", "2026-07-31"),
                verified("r-1", "2026-07-20", "2026-07-18T16:00:00"),
                verified("r-2", "2026-07-25", "2026-07-28T16:00:00"),
                commendation("p-1", "2026-07-03T10:00:00"),
                commendation("p-2", "2026-07-10T10:00:00"),
                commendation("p-3", "2026-07-17T10:00:00"),
                commendation("p-4", "2026-07-24T10:00:00"),
                followUp("c-1", 4, "2026-07-20T10:00:00"),
                followUp("c-2", 5, "2026-07-21T10:00:00"),
                followUp("c-3", 2, "2026-08-03T10:00:00"),
                // August 2026, for the quarter: one complaint answered in 12 hours; the quarter's contacts reported as a whole.
                new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-08"), 10_000, at("2026-09-01T09:00:00")),
                complaint("c-6", Category.OTHER, Channel.SMS, "2026-08-04T08:00:00", "2026-08-07T00:00:00"),
                replied("c-6", "2026-08-04T20:00:00"),
                new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-Q3"), 60_000, at("2026-10-01T09:00:00"))));
        return events.stream().<EventMessage<?>>map(ProjectionHarness::event).toList();
    }

    private DepartmentScorecard cardiology(String period) {
        return queries.handle(new FindDepartmentScorecard("CARDIOLOGY", Period.parse(period))).orElseThrow();
    }

    @Test
    void theWorkedExampleOfJuly2026() {
        harness.deliver(projection, workedExample());

        DepartmentScorecard july = cardiology("2026-07");

        assertThat(july.scoringVersion()).isEqualTo("scorecard-1");
        assertThat(july.feedback()).isEqualTo(new DepartmentScorecard.Feedback(3, 1,
                Map.of("ENVIRONMENT", 1L, "PROCESS", 1L, "SERVICE_ATTITUDE", 2L),
                Map.of("HOTLINE", 2L, "KIOSK", 1L, "WEB", 1L),
                1, 1, Map.of("MALICIOUS", 1L)));
        assertThat(july.serviceContacts()).isEqualTo(20_000L);
        assertThat(july.complaintsPer10k()).isEqualTo(1.5);
        assertThat(july.commendations()).isEqualTo(4);
        assertThat(july.commendationsPer10k()).isEqualTo(2.0);
        assertThat(july.replies()).isEqualTo(new DepartmentScorecard.Replies(3, 2, 0.6667, 24.0));
        assertThat(july.resolutions()).isEqualTo(new DepartmentScorecard.Resolutions(2,
                Map.of("NOT_SUBSTANTIATED", 1L, "SUBSTANTIATED", 1L), 0.6667));
        assertThat(july.satisfaction()).isEqualTo(new DepartmentScorecard.Satisfaction(3, 3.67));
        assertThat(july.inspections()).isEqualTo(new DepartmentScorecard.Inspections(
                Map.of("MAJOR", 1L, "MINOR", 1L), Map.of("MAJOR", 5L, "MINOR", 2L), 2, 7, 1));
        assertThat(july.rectifications()).isEqualTo(new DepartmentScorecard.Rectifications(3, 1, 0.3333));
        assertThat(july.compositeScore()).isEqualTo(67.0);
    }

    @Test
    void theWorkedExampleComparedWithJuly2025() {
        harness.deliver(projection, workedExample());

        Map<String, DepartmentScorecard.Change> change = cardiology("2026-07").yearOnYear();

        assertThat(change.get("complaints")).isEqualTo(new DepartmentScorecard.Change(5.0, 3.0, -2.0, -40.0));
        assertThat(change.get("complaintsPer10k")).isEqualTo(new DepartmentScorecard.Change(2.0, 1.5, -0.5, -25.0));
        assertThat(change.get("commendations")).isEqualTo(new DepartmentScorecard.Change(0.0, 4.0, 4.0, null));
        assertThat(change.get("replyOnTimeShare")).isEqualTo(new DepartmentScorecard.Change(null, 0.6667, null, null));
    }

    @Test
    void theWorkedExampleOfTheThirdQuarter() {
        harness.deliver(projection, workedExample());

        DepartmentScorecard quarter = cardiology("2026-Q3");

        assertThat(quarter.feedback().complaints()).isEqualTo(4);
        assertThat(quarter.serviceContacts()).isEqualTo(60_000L);
        assertThat(quarter.complaintsPer10k()).isEqualTo(0.67);
        assertThat(quarter.replies()).isEqualTo(new DepartmentScorecard.Replies(4, 3, 0.75, 18.0));
        assertThat(cardiology("2026").serviceContacts()).as("no year figure and months missing").isNull();
        assertThat(cardiology("2026").feedback().complaints()).isEqualTo(4);
    }

    @Test
    void allDepartmentsAndTheTrend() {
        harness.deliver(projection, workedExample());

        var all = queries.handle(new FindScorecards(Period.parse("2026-07")));
        var trend = queries.handle(FindMonthlyTrend.ofEveryDepartment(YearMonth.of(2026, 8), 13));

        assertThat(all.scoringVersion()).isEqualTo("scorecard-1");
        assertThat(all.departments()).singleElement().isEqualTo(cardiology("2026-07"));
        assertThat(trend.months()).startsWith("2025-08").endsWith("2026-07", "2026-08");
        assertThat(trend.departments().get(0).complaints()).endsWith(3L, 1L);
        assertThat(trend.departments().get(0).commendations()).endsWith(4L, 0L);
        assertThat(queries.handle(new FindMonthlyTrend(YearMonth.of(2026, 8), 13, "CARDIOLOGY")).departments()).isEqualTo(trend.departments());
        assertThat(queries.handle(new FindMonthlyTrend(YearMonth.of(2026, 8), 13, "NOWHERE")).departments()).isEmpty();
    }

    /** The board's single query answers exactly what the two separate ones do, for every department or for one. */
    @Test
    void scorecardsAndTrendInOneQuery() {
        harness.deliver(projection, workedExample());

        for (String month : List.of("2026-07", "2026-08", "2027-07")) {
            YearMonth yearMonth = YearMonth.parse(month);
            var both = queries.handle(FindScorecardsAndTrend.ofEveryDepartment(yearMonth, 12));
            assertThat(both.scorecards()).isEqualTo(queries.handle(new FindScorecards(Period.parse(month))));
            assertThat(both.trend()).isEqualTo(queries.handle(FindMonthlyTrend.ofEveryDepartment(yearMonth, 12)));

            var one = queries.handle(new FindScorecardsAndTrend(yearMonth, 12, "CARDIOLOGY"));
            assertThat(one.scorecards().departments()).singleElement().isEqualTo(cardiology(month));
            assertThat(one.trend()).isEqualTo(queries.handle(new FindMonthlyTrend(yearMonth, 12, "CARDIOLOGY")));
        }
        var nowhere = queries.handle(new FindScorecardsAndTrend(YearMonth.of(2026, 7), 12, "NOWHERE"));
        assertThat(nowhere.scorecards().departments()).isEmpty();
        assertThat(nowhere.trend().departments()).isEmpty();
    }
}
