package org.servicequality.ledger.command.rectification;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.rectification.OrderRectification;
import org.servicequality.ledger.api.rectification.RectificationEvidenceRejected;
import org.servicequality.ledger.api.rectification.RectificationEvidenceSubmitted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationOverdue;
import org.servicequality.ledger.api.rectification.RectificationProgressReported;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.rectification.RejectRectificationEvidence;
import org.servicequality.ledger.api.rectification.ReportRectificationProgress;
import org.servicequality.ledger.api.rectification.SubmitRectificationEvidence;
import org.servicequality.ledger.api.rectification.VerifyRectification;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/**
 * A corrective action from order to verified completion. Evidence is checked by a second person (four
 * eyes); a rectification not verified by the end of its due date is flagged overdue once, and stays open.
 */
@Aggregate(cache = "aggregateCache")
class Rectification {

    static final String OVERDUE_DEADLINE = "rectification-overdue";


    private enum Status { ORDERED, IN_PROGRESS, EVIDENCE_SUBMITTED, VERIFIED }

    @AggregateIdentifier
    private String rectificationId;
    private String departmentId;
    private LocalDate dueDate;
    private Instant dueAt;
    private Instant lastActivityAt;
    private Status status;
    private String evidenceSubmittedBy;
    private boolean overdue;

    Rectification() {
        // for event sourcing
    }

    @CommandHandler
    Rectification(OrderRectification command, DepartmentDirectory departments, ZoneId organisationZone,
                  DeadlineManager deadlines) {
        requireCompleteSource(command.source());
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        requireNotInFuture(command.orderedAt(), "orderedAt");
        LocalDate orderedOn = command.orderedAt().atZone(organisationZone).toLocalDate();
        if (command.dueDate().isBefore(orderedOn)) {
            throw CommandRejectedException.invalid("rectification.due-before-order", "dueDate",
                    "The due date " + command.dueDate() + " is before the day the rectification is ordered (" + orderedOn + ").");
        }
        // Due "on" a date means the whole of that day, in the organisation's own time zone.
        Instant dueAt = command.dueDate().plusDays(1).atStartOfDay(organisationZone).toInstant();
        apply(new RectificationOrdered(command.rectificationId(), command.source(), command.departmentId(),
                command.requiredAction(), command.dueDate(), dueAt, command.orderedAt()));
        deadlines.schedule(dueAt, OVERDUE_DEADLINE);
    }

    @CommandHandler
    void handle(ReportRectificationProgress command) {
        requireOpen();
        if (status == Status.EVIDENCE_SUBMITTED) {
            throw CommandRejectedException.conflict("rectification.awaiting-verification",
                    "Rectification " + rectificationId + " has evidence awaiting verification; progress is reported again only if it is rejected.");
        }
        requireTimely(command.reportedAt(), "reportedAt");
        apply(new RectificationProgressReported(rectificationId, departmentId, command.note(), command.reportedAt()));
    }

    @CommandHandler
    void handle(SubmitRectificationEvidence command) {
        requireOpen();
        if (status == Status.EVIDENCE_SUBMITTED) {
            throw CommandRejectedException.conflict("rectification.awaiting-verification",
                    "Rectification " + rectificationId + " already has evidence awaiting verification.");
        }
        requireTimely(command.submittedAt(), "submittedAt");
        apply(new RectificationEvidenceSubmitted(rectificationId, departmentId, command.submittedBy(),
                command.evidence(), command.submittedAt()));
    }

    @CommandHandler
    void handle(VerifyRectification command) {
        requireEvidenceToJudge(command.verifiedBy());
        requireTimely(command.verifiedAt(), "verifiedAt");
        apply(new RectificationVerified(rectificationId, departmentId, command.verifiedBy(), command.note(),
                command.verifiedAt(), dueAt, !command.verifiedAt().isAfter(dueAt)));
    }

    @CommandHandler
    void handle(RejectRectificationEvidence command) {
        requireEvidenceToJudge(command.rejectedBy());
        requireTimely(command.rejectedAt(), "rejectedAt");
        apply(new RectificationEvidenceRejected(rectificationId, departmentId, command.rejectedBy(),
                command.reason(), command.rejectedAt()));
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void dueDatePassed() {
        // Verification does not cancel the deadline (see Complaint.replyDeadlinePassed); the state decides.
        if (status != Status.VERIFIED && !overdue) {
            apply(new RectificationOverdue(rectificationId, departmentId, dueDate, dueAt));
        }
    }

    private static void requireCompleteSource(RectificationSource source) {
        boolean complete = source != null && source.kind() != null && switch (source.kind()) {
            case COMPLAINT -> present(source.complaintId()) && source.inspectionId() == null && source.findingId() == null;
            case FINDING -> present(source.inspectionId()) && present(source.findingId()) && source.complaintId() == null;
        };
        if (!complete) {
            throw CommandRejectedException.invalid("rectification.source-incomplete", "source",
                    "The source must be a complaint (complaintId) or an inspection finding (inspectionId and findingId), not both.");
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private void requireOpen() {
        if (status == Status.VERIFIED) {
            throw CommandRejectedException.conflict("rectification.already-verified",
                    "Rectification " + rectificationId + " is verified and complete.");
        }
    }

    private void requireEvidenceToJudge(String judge) {
        requireOpen();
        if (status != Status.EVIDENCE_SUBMITTED) {
            throw CommandRejectedException.conflict("rectification.no-evidence",
                    "Rectification " + rectificationId + " has no evidence awaiting verification.");
        }
        if (judge.strip().equalsIgnoreCase(evidenceSubmittedBy.strip())) {
            throw CommandRejectedException.conflict("rectification.verifier-is-submitter",
                    "Evidence submitted by " + evidenceSubmittedBy + " must be verified or rejected by someone else.");
        }
    }

    private void requireTimely(Instant instant, String field) {
        requireNotInFuture(instant, field);
        if (instant.isBefore(lastActivityAt)) {
            throw CommandRejectedException.invalid("time.out-of-order", field,
                    "The time " + instant + " is before the last recorded step of this rectification at " + lastActivityAt + ".");
        }
    }


    @EventSourcingHandler
    void on(RectificationOrdered event) {
        rectificationId = event.rectificationId();
        departmentId = event.departmentId();
        dueDate = event.dueDate();
        dueAt = event.dueAt();
        lastActivityAt = event.orderedAt();
        status = Status.ORDERED;
    }

    @EventSourcingHandler
    void on(RectificationProgressReported event) {
        lastActivityAt = event.reportedAt();
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(RectificationEvidenceSubmitted event) {
        lastActivityAt = event.submittedAt();
        evidenceSubmittedBy = event.submittedBy();
        status = Status.EVIDENCE_SUBMITTED;
    }

    @EventSourcingHandler
    void on(RectificationEvidenceRejected event) {
        lastActivityAt = event.rejectedAt();
        evidenceSubmittedBy = null;
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(RectificationVerified event) {
        lastActivityAt = event.verifiedAt();
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(RectificationOverdue event) {
        overdue = true;
    }
}
