package org.servicequality.ledger.query.board;

import java.util.ArrayList;
import java.time.Duration;
import org.servicequality.ledger.api.board.FindCheckpoints;
import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.scorecard.FindScorecardsAndTrend;
import org.servicequality.ledger.api.scorecard.MonthlyTrend;
import org.servicequality.ledger.api.scorecard.Scorecards;
import org.servicequality.ledger.api.scorecard.ScorecardsAndTrend;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.servicequality.ledger.query.projection.ProjectionHarness.event;

class BoardProjectionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** "Now" for the board: 15 July 2026 in Shanghai. */
    private static final Clock JULY = Clock.fixed(Instant.parse("2026-07-15T04:00:00Z"), SHANGHAI);

    static final List<String> TWELVE_MONTHS = List.of("2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
            "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final BoardProjection projection = new BoardProjection(harness.mongo(), JULY);
    private final BoardQueries queries = new BoardQueries(harness.mongo(), JULY, noScorecards());

    /** The board's own counts do not depend on the scorecards; answers without any department stand in for them. */
    static QueryGateway noScorecards() {
        QueryGateway gateway = mock(QueryGateway.class);
        when(gateway.query(any(FindScorecardsAndTrend.class), eq(ScorecardsAndTrend.class)))
                .thenReturn(CompletableFuture.completedFuture(new ScorecardsAndTrend(
                        new Scorecards("2026-07", "scorecard-1", List.of()), new MonthlyTrend(TWELVE_MONTHS, List.of()))));
        return gateway;
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static ComplaintFiled filed(String id, Instant receivedAt) {
        return new ComplaintFiled(id, Channel.WEB, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE, "CARDIOLOGY",
                List.of("E1001"), "summary", "details", receivedAt, null, null, null);
    }

    private PublicBoard.DepartmentRow cardiology() {
        PublicBoard board = queries.handle(new FindPublicBoard());
        assertThat(board.period()).isEqualTo("2026-07");
        return board.departments().stream().filter(row -> row.departmentId().equals("CARDIOLOGY")).findFirst().orElseThrow();
    }

    @Test
    void countsFilingsRepliesAndResolutionsPerMonthAndInTotal() {
        harness.deliver(projection,
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(filed("c-1", Instant.parse("2026-06-10T02:00:00Z"))),
                event(filed("c-2", Instant.parse("2026-07-02T02:00:00Z"))),
                event(new ComplaintReplied("c-1", "CARDIOLOGY", "sorry", Instant.parse("2026-07-01T01:00:00Z"))),
                event(new ComplaintResolved("c-1", "CARDIOLOGY", ResolutionOutcome.SUBSTANTIATED, false, Instant.parse("2026-07-03T01:00:00Z"))));

        PublicBoard.DepartmentRow row = cardiology();
        assertThat(row.nameZh()).isEqualTo("心内科");
        assertThat(row.nameEn()).isEqualTo("Cardiology");
        assertThat(row.kind()).isEqualTo("CLINICAL");
        assertThat(row.thisMonth()).isEqualTo(new PublicBoard.CaseCounts(1, 1, 1));
        assertThat(row.total()).isEqualTo(new PublicBoard.CaseCounts(2, 1, 1));
    }

    @Test
    void monthsFollowTheOrganisationsTimeZone() {
        // 30 June 17:00 UTC is already 1 July in Shanghai.
        harness.deliver(projection,
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)),
                event(filed("c-1", Instant.parse("2026-06-30T17:00:00Z"))));

        assertThat(cardiology().thisMonth().filed()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        EventMessage<?> registered = event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        EventMessage<?> filing = event(filed("c-1", Instant.parse("2026-07-02T02:00:00Z")));
        harness.deliver(projection, registered, filing);
        // After a crash the processor delivers the last batch again, in a new unit of work.
        harness.deliver(projection, registered, filing);

        assertThat(cardiology().total()).isEqualTo(new PublicBoard.CaseCounts(1, 0, 0));
    }

    @Test
    void anEventRepeatedWithinOneBatchIsCountedOnce() {
        EventMessage<?> filing = event(filed("c-1", Instant.parse("2026-07-02T02:00:00Z")));
        harness.deliver(projection, event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)), filing, filing);

        assertThat(cardiology().total().filed()).isEqualTo(1);
    }

    @Test
    void writesNothingWhenTheBatchFails() {
        EventMessage<?> registered = event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        EventMessage<?> poison = event(filed("c-1", null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.deliver(projection, registered, poison))
                .isInstanceOf(AssertionError.class);
        assertThat(queries.handle(new FindPublicBoard()).departments()).isEmpty();
    }

    @Test
    void departmentsAreListedInIdOrder() {
        harness.deliver(projection,
                event(new DepartmentRegistered("PHARMACY", "药剂科", "Pharmacy", DepartmentKind.MEDICAL_TECHNICAL)),
                event(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL)));

        assertThat(queries.handle(new FindPublicBoard()).departments())
                .extracting(PublicBoard.DepartmentRow::departmentId)
                .containsExactly("CARDIOLOGY", "PHARMACY");
    }

    /** The board shows the newest checkpoints from one document, the same as sorting them all would give. */
    @Test
    void theNewestCheckpointsAreKeptInOneDocument() {
        Instant start = Instant.parse("2026-07-01T02:00:00Z");
        List<EventMessage<?>> checkpoints = new ArrayList<>();
        for (long hour = 1; hour <= 7; hour++) {
            checkpoints.add(event(new LedgerCheckpointRecorded(hour * 100 - 99, hour * 100, 100, "root-" + hour,
                    start.plus(Duration.ofHours(hour)))));
        }
        // Out of order, one twice, over three batches: as segments and redelivery may hand them over.
        harness.deliver(projection, checkpoints.get(6), checkpoints.get(0), checkpoints.get(3));
        harness.deliver(projection, checkpoints.get(2), checkpoints.get(5), checkpoints.get(6));
        harness.deliver(projection, checkpoints.get(1), checkpoints.get(4));

        List<PublicBoard.Checkpoint> shown = queries.handle(new FindPublicBoard()).checkpoints();
        assertThat(shown).extracting(PublicBoard.Checkpoint::merkleRoot).containsExactly("root-7", "root-6", "root-5", "root-4", "root-3");
        assertThat(shown.get(0)).isEqualTo(new PublicBoard.Checkpoint(601, 700, 100, "root-7", start.plus(Duration.ofHours(7))));
        assertThat(queries.handle(new FindCheckpoints()).checkpoints()).hasSize(7);

        // Read models projected before the document existed: the board sorts the checkpoints, and the next
        // checkpoint starts the document from them.
        harness.mongo().dropCollection(BoardLatestCheckpoints.class);
        assertThat(queries.handle(new FindPublicBoard()).checkpoints()).isEqualTo(shown);
        harness.deliver(projection, event(new LedgerCheckpointRecorded(701, 800, 100, "root-8", start.plus(Duration.ofHours(8)))));
        assertThat(harness.mongo().findById(BoardLatestCheckpoints.ID, BoardLatestCheckpoints.class).checkpoints)
                .extracting(BoardLatestCheckpoints.Digest::merkleRoot).containsExactly("root-8", "root-7", "root-6", "root-5", "root-4");
    }
}
