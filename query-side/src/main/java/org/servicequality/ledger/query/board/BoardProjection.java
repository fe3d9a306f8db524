package org.servicequality.ledger.query.board;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.servicequality.ledger.api.audit.LedgerCheckpointRecorded;
import org.servicequality.ledger.api.award.StarRatingAwarded;
import org.servicequality.ledger.api.award.StarRatingRevoked;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.department.ServiceCommitmentPublished;
import org.servicequality.ledger.api.department.ServiceCommitmentWithdrawn;
import org.servicequality.ledger.api.department.ServicePhraseStandardPublished;
import org.servicequality.ledger.api.inspection.FindingAppealed;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.FindingUpheld;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.inspection.InspectionResultsCirculated;
import org.servicequality.ledger.api.rectification.RectificationEvidenceRejected;
import org.servicequality.ledger.api.rectification.RectificationEvidenceSubmitted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationOverdue;
import org.servicequality.ledger.api.rectification.RectificationProgressReported;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.query.projection.PendingReadModelWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the public board: per department its handling activity per month and in total (a complaint
 * counts in the month its filing, reply or resolution happened, in the organisation's time zone), star
 * ratings, commitments, phrase standard, inspections, rectifications and verified praise. Rates and
 * shares are not computed here: the board takes them from the department scorecards.
 *
 * <p>Of a complaint only the fact that it was filed, replied to or resolved is used: its summary,
 * details and contact never reach the board's documents.
 */
@Component
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
class BoardProjection {

    static final String PROCESSING_GROUP = "board";

    private final MongoTemplate mongo;
    private final Clock organisationClock;

    BoardProjection(MongoTemplate mongo, Clock organisationClock) {
        this.mongo = mongo;
        this.organisationClock = organisationClock;
    }

    @EventHandler
    void on(DepartmentRegistered event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry ->
                entry.describe(event.nameZh(), event.nameEn(), event.kind().name()));
    }

    @EventHandler
    void on(DepartmentRenamed event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.rename(event.nameZh(), event.nameEn()));
    }

    @EventHandler
    void on(ComplaintFiled event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countFiled(monthOf(event.receivedAt())));
    }

    @EventHandler
    void on(ComplaintReplied event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countReplied(monthOf(event.repliedAt())));
    }

    @EventHandler
    void on(ComplaintResolved event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countResolved(monthOf(event.resolvedAt())));
    }

    @EventHandler
    void on(ServiceCommitmentPublished event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.CommitmentEntry commitment = new DepartmentBoardEntry.CommitmentEntry();
            commitment.textZh = event.textZh();
            commitment.textEn = event.textEn();
            commitment.publishedAt = event.publishedAt();
            entry.commitments.put(event.commitmentId(), commitment);
        });
    }

    @EventHandler
    void on(ServiceCommitmentWithdrawn event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.commitments.remove(event.commitmentId()));
    }

    @EventHandler
    void on(ServicePhraseStandardPublished event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.PhraseStandardEntry standard = new DepartmentBoardEntry.PhraseStandardEntry();
            standard.version = event.version();
            standard.courteousPhrases = new ArrayList<>(event.courteousPhrases());
            standard.forbiddenPhrases = new ArrayList<>(event.forbiddenPhrases());
            standard.publishedAt = event.publishedAt();
            entry.phraseStandard = standard;
        });
    }

    @EventHandler
    void on(StarRatingAwarded event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.StarRatingEntry rating = new DepartmentBoardEntry.StarRatingEntry();
            rating.period = event.period().toString();
            rating.stars = event.stars();
            rating.awardedAt = event.awardedAt();
            entry.starRatings.put(event.starRatingId(), rating);
        });
    }

    @EventHandler
    void on(StarRatingRevoked event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.StarRatingEntry rating = entry.starRatings.get(event.starRatingId());
            if (rating != null) {
                rating.revoked = true;
            }
        });
    }

    @EventHandler
    void on(StaffMemberEnrolled event, @MessageIdentifier String eventId) {
        recordRole(event.employeeNumber(), event.role().name(), eventId);
    }

    @EventHandler
    void on(StaffMemberTransferred event, @MessageIdentifier String eventId) {
        recordRole(event.employeeNumber(), event.role().name(), eventId);
    }

    @EventHandler
    void on(InspectionConducted event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.InspectionEntry inspection = new DepartmentBoardEntry.InspectionEntry();
            inspection.method = event.method().name();
            inspection.conductedAt = event.conductedAt();
            entry.inspections.put(event.inspectionId(), inspection);
        });
    }

    @EventHandler
    void on(FindingRecorded event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.InspectionEntry inspection = entry.inspections.get(event.inspectionId());
            if (inspection == null) {
                return;
            }
            DepartmentBoardEntry.FindingEntry finding = new DepartmentBoardEntry.FindingEntry();
            finding.standardClause = event.standardClause();
            finding.severity = event.severity() == null ? null : event.severity().name();
            finding.pointsDeducted = event.pointsDeducted();
            finding.positive = event.positive();
            finding.namedEmployeeNumbers = event.positive() ? new ArrayList<>() : new ArrayList<>(event.employeeNumbers());
            finding.praisedEmployeeNumbers = event.positive() ? new ArrayList<>(event.employeeNumbers()) : new ArrayList<>();
            finding.description = event.description();
            inspection.findings.put(event.findingId(), finding);
        });
    }

    @EventHandler
    void on(InspectionResultsCirculated event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.circulate(event.inspectionId(), event.circulatedAt()));
    }

    @EventHandler
    void on(FindingAppealed event, @MessageIdentifier String eventId) {
        updateFinding(event.departmentId(), event.inspectionId(), event.findingId(), eventId, finding -> {
            finding.departmentReply = event.reply();
            finding.appealOutcome = "PENDING";
        });
    }

    @EventHandler
    void on(FindingUpheld event, @MessageIdentifier String eventId) {
        updateFinding(event.departmentId(), event.inspectionId(), event.findingId(), eventId, finding -> {
            finding.appealOutcome = "UPHELD";
            finding.appealDecisionReason = event.reason();
        });
    }

    @EventHandler
    void on(FindingOverturned event, @MessageIdentifier String eventId) {
        updateFinding(event.departmentId(), event.inspectionId(), event.findingId(), eventId, finding -> {
            finding.appealOutcome = "OVERTURNED";
            finding.appealDecisionReason = event.reason();
        });
    }

    @EventHandler
    void on(RectificationOrdered event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.RectificationEntry rectification = new DepartmentBoardEntry.RectificationEntry();
            rectification.source = event.source().kind().name();
            rectification.requiredAction = event.requiredAction();
            rectification.dueDate = event.dueDate();
            rectification.status = "ORDERED";
            entry.rectifications.put(event.rectificationId(), rectification);
        });
    }

    @EventHandler
    void on(RectificationProgressReported event, @MessageIdentifier String eventId) {
        updateRectification(event.departmentId(), event.rectificationId(), eventId, r -> r.status = "IN_PROGRESS");
    }

    @EventHandler
    void on(RectificationEvidenceSubmitted event, @MessageIdentifier String eventId) {
        updateRectification(event.departmentId(), event.rectificationId(), eventId, r -> r.status = "EVIDENCE_SUBMITTED");
    }

    @EventHandler
    void on(RectificationEvidenceRejected event, @MessageIdentifier String eventId) {
        updateRectification(event.departmentId(), event.rectificationId(), eventId, r -> r.status = "IN_PROGRESS");
    }

    @EventHandler
    void on(RectificationOverdue event, @MessageIdentifier String eventId) {
        updateRectification(event.departmentId(), event.rectificationId(), eventId, r -> r.overdue = true);
    }

    @EventHandler
    void on(RectificationVerified event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry ->
                entry.verifyRectification(event.rectificationId(), event.verifiedAt(), event.onTime()));
    }

    @EventHandler
    void on(CommendationReceived event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> {
            DepartmentBoardEntry.CommendationEntry commendation = new DepartmentBoardEntry.CommendationEntry();
            commendation.commendationId = event.commendationId();
            commendation.employeeNumbers = new ArrayList<>(event.employeeNumbers());
            commendation.text = event.text();
            commendation.receivedAt = event.receivedAt();
            entry.pendingCommendations.put(event.commendationId(), commendation);
        });
    }

    @EventHandler
    void on(CommendationVerified event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.verifyCommendation(event.commendationId()));
    }

    @EventHandler
    void on(CommendationRejected event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.pendingCommendations.remove(event.commendationId()));
    }

    /** Published so that outsiders can keep copies (docs/audit.md); a checkpoint is never changed once recorded. */
    @EventHandler
    void on(LedgerCheckpointRecorded event, @MessageIdentifier String eventId) {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(mongo);
        String id = BoardCheckpoint.idOf(event.lastGlobalIndex());
        BoardCheckpoint checkpoint = writes.load(BoardCheckpoint.class, id, () -> new BoardCheckpoint(id));
        if (checkpoint.firstDelivery(eventId)) {
            checkpoint.firstGlobalIndex = event.firstGlobalIndex();
            checkpoint.lastGlobalIndex = event.lastGlobalIndex();
            checkpoint.eventCount = event.eventCount();
            checkpoint.merkleRoot = event.merkleRoot();
            checkpoint.recordedAt = event.recordedAt().toString();
            writes.changed(checkpoint);
        }
        BoardLatestCheckpoints latest = writes.load(BoardLatestCheckpoints.class, BoardLatestCheckpoints.ID, this::latestStored);
        if (latest.merge(checkpoint.digest())) {
            writes.changed(latest);
        }
    }

    /** Started from the checkpoints stored before this document existed: no event brings those again. */
    private BoardLatestCheckpoints latestStored() {
        BoardLatestCheckpoints latest = new BoardLatestCheckpoints();
        BoardQueries.newestStoredCheckpoints(mongo).forEach(latest::merge);
        return latest;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DepartmentBoardEntry.class);
        mongo.dropCollection(BoardStaffMember.class);
        mongo.dropCollection(BoardCheckpoint.class);
        mongo.dropCollection(BoardLatestCheckpoints.class);
    }

    private void recordRole(String employeeNumber, String role, String eventId) {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(mongo);
        BoardStaffMember member = writes.load(BoardStaffMember.class, employeeNumber, () -> new BoardStaffMember(employeeNumber));
        if (member.firstDelivery(eventId)) {
            member.role = role;
            writes.changed(member);
        }
    }

    private void updateFinding(String departmentId, String inspectionId, String findingId, String eventId,
                               Consumer<DepartmentBoardEntry.FindingEntry> change) {
        update(departmentId, eventId, entry -> {
            DepartmentBoardEntry.FindingEntry finding = entry.finding(inspectionId, findingId);
            if (finding != null) {
                change.accept(finding);
            }
        });
    }

    private void updateRectification(String departmentId, String rectificationId, String eventId,
                                     Consumer<DepartmentBoardEntry.RectificationEntry> change) {
        update(departmentId, eventId, entry -> {
            DepartmentBoardEntry.RectificationEntry rectification = entry.rectifications.get(rectificationId);
            if (rectification != null && rectification.verifiedAt == null) {
                change.accept(rectification);
            }
        });
    }

    private void update(String departmentId, String eventId, Consumer<DepartmentBoardEntry> change) {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(mongo);
        DepartmentBoardEntry entry = writes.load(DepartmentBoardEntry.class, departmentId, () -> new DepartmentBoardEntry(departmentId));
        if (entry.firstDelivery(eventId)) {
            change.accept(entry);
            writes.changed(entry);
        }
    }

    private String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(organisationClock.getZone())).toString();
    }
}
