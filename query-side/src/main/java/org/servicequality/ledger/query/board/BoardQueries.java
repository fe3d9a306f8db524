package org.servicequality.ledger.query.board;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.board.FindCheckpoints;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.api.board.PublishedCheckpoints;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.MonthlyTrend;
import org.servicequality.ledger.api.scorecard.FindScorecardsAndTrend;
import org.servicequality.ledger.api.scorecard.Scorecards;
import org.servicequality.ledger.api.scorecard.ScorecardsAndTrend;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers the board from its own documents, with this month's rates and the trend asked of the
 * department scorecards: one place computes every rate, and the board repeats none of the formulas.
 */
@Component
class BoardQueries {

    static final int TREND_MONTHS = 12;

    private final MongoTemplate mongo;
    private final Clock organisationClock;
    private final QueryGateway scorecards;

    BoardQueries(MongoTemplate mongo, Clock organisationClock, QueryGateway scorecards) {
        this.mongo = mongo;
        this.organisationClock = organisationClock;
        this.scorecards = scorecards;
    }

    @QueryHandler
    PublicBoard handle(FindPublicBoard query) {
        YearMonth thisMonth = YearMonth.now(organisationClock);
        ScorecardsAndTrend statistics = scorecards.query(FindScorecardsAndTrend.ofEveryDepartment(thisMonth, TREND_MONTHS),
                ScorecardsAndTrend.class).join();
        Scorecards figures = statistics.scorecards();
        MonthlyTrend trend = statistics.trend();
        Map<String, DepartmentScorecard> figuresById = figures.departments().stream()
                .collect(Collectors.toMap(DepartmentScorecard::departmentId, Function.identity()));
        Map<String, MonthlyTrend.DepartmentTrend> trendById = trend.departments().stream()
                .collect(Collectors.toMap(MonthlyTrend.DepartmentTrend::departmentId, Function.identity()));
        // The board's rows need none of a department's inspections, praise, commitments or phrase standard: the page does.
        Query rowsOnly = ReadModelDocument.forAnswering(new Query().with(Sort.by("_id")));
        rowsOnly.fields().exclude("inspections", "pendingCommendations", "commendations", "commitments", "phraseStandard");
        var rows = mongo.find(rowsOnly, DepartmentBoardEntry.class).stream()
                .map(entry -> row(entry, thisMonth, figuresById.get(entry.getId()), trendById.get(entry.getId()), trend.months().size()))
                .toList();
        BoardLatestCheckpoints kept = mongo.findOne(ReadModelDocument.byIdForAnswering(BoardLatestCheckpoints.ID), BoardLatestCheckpoints.class);
        List<PublicBoard.Checkpoint> latest = (kept == null ? newestStoredCheckpoints(mongo) : kept.checkpoints).stream()
                .map(BoardLatestCheckpoints.Digest::published).toList();
        return new PublicBoard(thisMonth.toString(), figures.scoringVersion(), trend.months(), rows, latest);
    }

    @QueryHandler
    PublishedCheckpoints handle(FindCheckpoints query) {
        return new PublishedCheckpoints(mongo.find(new Query().with(Sort.by("_id")), BoardCheckpoint.class).stream()
                .map(stored -> stored.digest().published()).toList());
    }

    /**
     * The newest checkpoints found by sorting all of them: for read models projected before {@link BoardLatestCheckpoints}
     * existed, until the next checkpoint is recorded.
     */
    static List<BoardLatestCheckpoints.Digest> newestStoredCheckpoints(MongoTemplate mongo) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(PublicBoard.LATEST_CHECKPOINTS),
                BoardCheckpoint.class).stream().map(BoardCheckpoint::digest).toList();
    }

    @QueryHandler
    Optional<PublicBoard.DepartmentPage> handle(FindDepartmentBoard query) {
        DepartmentBoardEntry entry = mongo.findOne(ReadModelDocument.byIdForAnswering(query.departmentId()), DepartmentBoardEntry.class);
        if (entry == null) {
            return Optional.empty();
        }
        YearMonth thisMonth = YearMonth.now(organisationClock);
        ScorecardsAndTrend statistics = scorecards.query(new FindScorecardsAndTrend(thisMonth, TREND_MONTHS, entry.getId()),
                ScorecardsAndTrend.class).join();
        DepartmentScorecard figures = statistics.scorecards().departments().stream().findFirst().orElse(null);
        MonthlyTrend trend = statistics.trend();
        return Optional.of(new PublicBoard.DepartmentPage(
                row(entry, thisMonth, figures, trend.departments().stream().findFirst().orElse(null), trend.months().size()),
                entry.commitments.entrySet().stream()
                        .map(c -> new PublicBoard.Commitment(c.getKey(), c.getValue().textZh, c.getValue().textEn, c.getValue().publishedAt))
                        .toList(),
                entry.phraseStandard == null ? null : new PublicBoard.PhraseStandard(entry.phraseStandard.version,
                        entry.phraseStandard.courteousPhrases, entry.phraseStandard.forbiddenPhrases, entry.phraseStandard.publishedAt),
                entry.inspections.entrySet().stream()
                        .filter(i -> i.getValue().circulatedAt != null)
                        .sorted(Comparator.comparing((Map.Entry<String, DepartmentBoardEntry.InspectionEntry> i) -> i.getValue().conductedAt).reversed())
                        .map(i -> inspection(i.getKey(), i.getValue(), new HashMap<>()))
                        .toList(),
                rectifications(entry, false),
                entry.starRatings.values().stream()
                        .sorted(Comparator.comparing((DepartmentBoardEntry.StarRatingEntry r) -> Period.parse(r.period)).reversed())
                        .map(BoardQueries::starRating)
                        .toList(),
                entry.commendations.stream()
                        .map(c -> new PublicBoard.Commendation(c.commendationId, c.employeeNumbers, c.text, c.receivedAt))
                        .toList()));
    }

    /** A department the statistics have not reached yet (the two processors run apart) shows zeros in its trend. */
    private PublicBoard.DepartmentRow row(DepartmentBoardEntry entry, YearMonth month, DepartmentScorecard figures,
                                          MonthlyTrend.DepartmentTrend trend, int trendMonths) {
        return new PublicBoard.DepartmentRow(entry.getId(), entry.getNameZh(), entry.getNameEn(), entry.getKind(),
                counts(entry.month(month.toString())), counts(entry.getTotal()),
                currentStarRating(entry),
                figures == null ? null : new PublicBoard.MonthFigures(figures.feedback().complaints(), figures.serviceContacts(),
                        figures.complaintsPer10k(), figures.commendations(), figures.replies().onTimeShare(),
                        figures.resolutions().resolutionShare()),
                rectifications(entry, true),
                trend == null ? Collections.nCopies(trendMonths, 0L) : trend.complaints(),
                trend == null ? Collections.nCopies(trendMonths, 0L) : trend.commendations());
    }

    /** The rating of the latest period that has one standing. */
    private static PublicBoard.StarRating currentStarRating(DepartmentBoardEntry entry) {
        return entry.starRatings.values().stream()
                .filter(rating -> !rating.revoked)
                .max(Comparator.comparing((DepartmentBoardEntry.StarRatingEntry r) -> Period.parse(r.period))
                        .thenComparing(r -> r.awardedAt))
                .map(BoardQueries::starRating)
                .orElse(null);
    }

    private List<PublicBoard.Rectification> rectifications(DepartmentBoardEntry entry, boolean openOnly) {
        LocalDate today = LocalDate.now(organisationClock);
        return entry.rectifications.entrySet().stream()
                .filter(r -> !openOnly || r.getValue().verifiedAt == null)
                .sorted(Comparator.comparing((Map.Entry<String, DepartmentBoardEntry.RectificationEntry> r) -> r.getValue().dueDate))
                .map(r -> {
                    DepartmentBoardEntry.RectificationEntry value = r.getValue();
                    boolean overdue = value.overdueOn(today);
                    return new PublicBoard.Rectification(r.getKey(), value.source, value.requiredAction, value.dueDate,
                            value.status, overdue, value.verifiedAt, value.verifiedOnTime);
                })
                .toList();
    }

    /** Open rectifications past their due date, over every department; read for the metrics, once per scrape. */
    long overdueRectifications() {
        LocalDate today = LocalDate.now(organisationClock);
        Query onlyRectifications = new Query();
        onlyRectifications.fields().include("rectifications");
        return mongo.find(onlyRectifications, DepartmentBoardEntry.class).stream()
                .flatMap(entry -> entry.rectifications.values().stream())
                .filter(rectification -> rectification.overdueOn(today))
                .count();
    }

    /**
     * Staff in negative findings appear by role, looked up when the board is read rather than when the finding was
     * projected: the staff record and the finding are projected in different segments, in no fixed order.
     */
    private PublicBoard.Inspection inspection(String inspectionId, DepartmentBoardEntry.InspectionEntry inspection,
                                              Map<String, String> rolesSeen) {
        return new PublicBoard.Inspection(inspectionId, inspection.method, inspection.conductedAt, inspection.circulatedAt,
                inspection.findings.entrySet().stream().map(f -> {
                    DepartmentBoardEntry.FindingEntry finding = f.getValue();
                    return new PublicBoard.Finding(f.getKey(), finding.standardClause, finding.severity, finding.pointsDeducted,
                            finding.positive, finding.namedEmployeeNumbers.stream().map(number -> rolesSeen.computeIfAbsent(number, this::roleOf)).toList(),
                            finding.praisedEmployeeNumbers, finding.description,
                            finding.departmentReply, finding.appealOutcome, finding.appealDecisionReason);
                }).toList());
    }

    /** An employee number the board never saw enrolled shows as role OTHER. */
    private String roleOf(String employeeNumber) {
        BoardStaffMember member = mongo.findOne(ReadModelDocument.byIdForAnswering(employeeNumber), BoardStaffMember.class);
        return member == null || member.role == null ? "OTHER" : member.role;
    }

    private static PublicBoard.StarRating starRating(DepartmentBoardEntry.StarRatingEntry rating) {
        return new PublicBoard.StarRating(rating.period, rating.stars, rating.awardedAt, rating.revoked);
    }

    private static PublicBoard.CaseCounts counts(DepartmentBoardEntry.Counts counts) {
        return new PublicBoard.CaseCounts(counts.filed, counts.replied, counts.resolved);
    }
}
