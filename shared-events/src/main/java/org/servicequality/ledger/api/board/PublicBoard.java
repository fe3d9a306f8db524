package org.servicequality.ledger.api.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public disclosure board. Holds no personal data of complainants, by construction: none of
 * its fields can carry it. Field meanings and the CSV columns are documented in {@code docs/open-data.md}.
 *
 * @param period         the current month in the organisation's time zone, as {@code yyyy-MM}
 * @param scoringVersion the scorecard method behind {@link DepartmentRow#figures()}
 * @param trendMonths    the twelve months of each row's trend, oldest first, ending with {@code period}
 * @param departments    every registered department, ordered by id
 * @param checkpoints    the latest checkpoint digests recorded in the event store, newest first
 *                       ({@link #LATEST_CHECKPOINTS} at most; all of them: {@code /api/board/checkpoints})
 */
public record PublicBoard(String period, String scoringVersion, List<String> trendMonths, List<DepartmentRow> departments,
                          List<Checkpoint> checkpoints) {

    public static final int LATEST_CHECKPOINTS = 5;

    public PublicBoard {
        trendMonths = List.copyOf(trendMonths);
        departments = List.copyOf(departments);
        checkpoints = List.copyOf(checkpoints);
    }

    /** A board without checkpoint digests. */
    public PublicBoard(String period, String scoringVersion, List<String> trendMonths, List<DepartmentRow> departments) {
        this(period, scoringVersion, trendMonths, departments, List.of());
    }

    /**
     * A checkpoint digest as recorded in the event store ({@code LedgerCheckpointRecorded}): the Merkle root of the chain
     * hashes of the {@code eventCount} events with global indexes in [{@code firstGlobalIndex}, {@code lastGlobalIndex}].
     * Outsiders keep copies and compare them with later ones (docs/audit.md).
     */
    public record Checkpoint(long firstGlobalIndex, long lastGlobalIndex, long eventCount, String merkleRoot, Instant recordedAt) {
    }

    /**
     * @param thisMonth          handling activity this month: complaints and suggestions filed, replied to and resolved
     * @param total              the same activity since records began
     * @param starRating         the department's current star rating, or {@code null}
     * @param figures            this month's scorecard figures (invalid items excluded)
     * @param openRectifications rectifications not yet verified, earliest due first
     * @param trendComplaints    counted complaints per month of {@link PublicBoard#trendMonths()}
     * @param trendCommendations verified commendations per month of {@link PublicBoard#trendMonths()}
     */
    public record DepartmentRow(String departmentId,
                                String nameZh,
                                String nameEn,
                                String kind,
                                CaseCounts thisMonth,
                                CaseCounts total,
                                StarRating starRating,
                                MonthFigures figures,
                                List<Rectification> openRectifications,
                                List<Long> trendComplaints,
                                List<Long> trendCommendations) {
    }

    /** Complaints and suggestions filed, replied to and resolved. */
    public record CaseCounts(long filed, long replied, long resolved) {
    }

    /** This month's figures, as the department scorecard computes them (docs/scoring.md). */
    public record MonthFigures(long complaints, Long serviceContacts, Double complaintsPer10k, long commendations,
                               Double replyOnTimeShare, Double resolutionShare) {
    }

    /** A star rating for a period; {@code revoked} ratings appear only in the history. */
    public record StarRating(String period, int stars, Instant awardedAt, boolean revoked) {
    }

    /**
     * A corrective action. {@code status} is {@code ORDERED}, {@code IN_PROGRESS}, {@code EVIDENCE_SUBMITTED}
     * or {@code VERIFIED}; {@code overdue} once its due date passed unverified.
     */
    public record Rectification(String rectificationId, String source, String requiredAction, LocalDate dueDate,
                                String status, boolean overdue, Instant verifiedAt, Boolean verifiedOnTime) {
    }

    /** A department's page: the row of the board and everything disclosed about the department. */
    public record DepartmentPage(DepartmentRow department,
                                 List<Commitment> commitments,
                                 PhraseStandard phraseStandard,
                                 List<Inspection> inspections,
                                 List<Rectification> rectifications,
                                 List<StarRating> starRatings,
                                 List<Commendation> commendations) {
    }

    public record Commitment(String commitmentId, String textZh, String textEn, Instant publishedAt) {
    }

    public record PhraseStandard(int version, List<String> courteousPhrases, List<String> forbiddenPhrases, Instant publishedAt) {
    }

    /** Circulated inspection results only; findings still being recorded are not disclosed. */
    public record Inspection(String inspectionId, String method, Instant conductedAt, Instant circulatedAt, List<Finding> findings) {
    }

    /**
     * A finding as circulated. Staff named in a negative finding appear by role only ({@code staffRoles});
     * staff named in a positive finding by employee number ({@code praisedEmployeeNumbers}).
     *
     * @param departmentReply the department's reply when it appealed, or {@code null}
     * @param appealOutcome   {@code null} (no appeal), {@code PENDING}, {@code UPHELD} or {@code OVERTURNED}
     */
    public record Finding(String findingId, String standardClause, String severity, int pointsDeducted, boolean positive,
                          List<String> staffRoles, List<String> praisedEmployeeNumbers, String description,
                          String departmentReply, String appealOutcome, String appealDecisionReason) {
    }

    /** Verified praise with the staff it names, by employee number. */
    public record Commendation(String commendationId, List<String> employeeNumbers, String text, Instant receivedAt) {
    }
}
