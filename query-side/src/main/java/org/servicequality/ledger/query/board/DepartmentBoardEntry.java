package org.servicequality.ledger.query.board;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One department's part of the public board, precomputed so the board is read by {@code _id} only.
 * It holds only what may be disclosed: no complainant's data ever reaches it, and staff named in
 * negative findings are kept by role only.
 */
@ReadModelOf(BoardProjection.PROCESSING_GROUP)
@Document("board_departments")
class DepartmentBoardEntry extends ReadModelDocument {

    /** Closed rectifications, circulated inspections and commendations kept for the page; older ones drop off. */
    static final int KEPT_PER_LIST = 30;

    private String nameZh;
    private String nameEn;
    private String kind;
    private Counts total = new Counts();
    /** Keyed by month, {@code yyyy-MM} in the organisation's time zone. */
    private Map<String, Counts> months = new HashMap<>();
    Map<String, StarRatingEntry> starRatings = new LinkedHashMap<>();
    Map<String, CommitmentEntry> commitments = new LinkedHashMap<>();
    PhraseStandardEntry phraseStandard;
    Map<String, InspectionEntry> inspections = new LinkedHashMap<>();
    Map<String, RectificationEntry> rectifications = new LinkedHashMap<>();
    /** Praise awaiting verification: not shown until verified. */
    Map<String, CommendationEntry> pendingCommendations = new LinkedHashMap<>();
    List<CommendationEntry> commendations = new ArrayList<>();

    DepartmentBoardEntry() {
    }

    DepartmentBoardEntry(String departmentId) {
        super(departmentId);
    }

    void describe(String nameZh, String nameEn, String kind) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
    }

    void rename(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    void countFiled(String month) {
        total.filed++;
        months.computeIfAbsent(month, m -> new Counts()).filed++;
    }

    void countReplied(String month) {
        total.replied++;
        months.computeIfAbsent(month, m -> new Counts()).replied++;
    }

    void countResolved(String month) {
        total.resolved++;
        months.computeIfAbsent(month, m -> new Counts()).resolved++;
    }

    void verifyCommendation(String commendationId) {
        CommendationEntry commendation = pendingCommendations.remove(commendationId);
        if (commendation != null) {
            commendations.add(0, commendation);
            if (commendations.size() > KEPT_PER_LIST) {
                commendations.subList(KEPT_PER_LIST, commendations.size()).clear();
            }
        }
    }

    void circulate(String inspectionId, Instant circulatedAt) {
        InspectionEntry inspection = inspections.get(inspectionId);
        if (inspection == null) {
            return;
        }
        inspection.circulatedAt = circulatedAt;
        long circulated = inspections.values().stream().filter(i -> i.circulatedAt != null).count();
        for (Iterator<InspectionEntry> oldest = inspections.values().iterator(); circulated > KEPT_PER_LIST && oldest.hasNext(); ) {
            if (oldest.next().circulatedAt != null) {
                oldest.remove();
                circulated--;
            }
        }
    }

    void verifyRectification(String rectificationId, Instant verifiedAt, boolean onTime) {
        RectificationEntry rectification = rectifications.get(rectificationId);
        if (rectification == null) {
            return;
        }
        rectification.status = "VERIFIED";
        rectification.verifiedAt = verifiedAt;
        rectification.verifiedOnTime = onTime;
        long closed = rectifications.values().stream().filter(r -> r.verifiedAt != null).count();
        for (Iterator<RectificationEntry> oldest = rectifications.values().iterator(); closed > KEPT_PER_LIST && oldest.hasNext(); ) {
            if (oldest.next().verifiedAt != null) {
                oldest.remove();
                closed--;
            }
        }
    }

    FindingEntry finding(String inspectionId, String findingId) {
        InspectionEntry inspection = inspections.get(inspectionId);
        return inspection == null ? null : inspection.findings.get(findingId);
    }

    String getNameZh() {
        return nameZh;
    }

    String getNameEn() {
        return nameEn;
    }

    String getKind() {
        return kind;
    }

    Counts getTotal() {
        return total;
    }

    Counts month(String month) {
        return months.getOrDefault(month, new Counts());
    }

    /** Complaints and suggestions filed, replied to and resolved. */
    static class Counts {
        long filed;
        long replied;
        long resolved;
    }

    static class StarRatingEntry {
        String period;
        int stars;
        Instant awardedAt;
        boolean revoked;
    }

    static class CommitmentEntry {
        String textZh;
        String textEn;
        Instant publishedAt;
    }

    static class PhraseStandardEntry {
        int version;
        List<String> courteousPhrases = new ArrayList<>();
        List<String> forbiddenPhrases = new ArrayList<>();
        Instant publishedAt;
    }

    static class InspectionEntry {
        String method;
        Instant conductedAt;
        Instant circulatedAt;
        Map<String, FindingEntry> findings = new LinkedHashMap<>();
    }

    static class FindingEntry {
        String standardClause;
        String severity;
        int pointsDeducted;
        boolean positive;
        /** Staff named in a negative finding; kept to look their roles up when the board is read, never published. */
        List<String> namedEmployeeNumbers = new ArrayList<>();
        List<String> praisedEmployeeNumbers = new ArrayList<>();
        String description;
        String departmentReply;
        String appealOutcome;
        String appealDecisionReason;
    }

    static class RectificationEntry {
        String source;
        String requiredAction;
        LocalDate dueDate;
        String status;
        boolean overdue;
        Instant verifiedAt;
        Boolean verifiedOnTime;

        /** Open and either marked overdue by its deadline or past its due date (the deadline may not have fired yet). */
        boolean overdueOn(LocalDate today) {
            return verifiedAt == null && (overdue || dueDate.isBefore(today));
        }
    }

    static class CommendationEntry {
        String commendationId;
        List<String> employeeNumbers = new ArrayList<>();
        String text;
        Instant receivedAt;
    }
}
