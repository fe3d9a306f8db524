package org.servicequality.ledger.command.complaint;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.complaint.ComplainantPersonalDataErased;
import org.servicequality.ledger.api.complaint.ComplaintAssistanceRequested;
import org.servicequality.ledger.api.complaint.ComplaintEscalated;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintForwarded;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReopened;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintReplyOverdue;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.EraseComplainantPersonalData;
import org.servicequality.ledger.api.complaint.EscalateComplaint;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ForwardComplaint;
import org.servicequality.ledger.api.complaint.MarkComplaintInvalid;
import org.servicequality.ledger.api.complaint.RecordSatisfactionFollowUp;
import org.servicequality.ledger.api.complaint.ReopenComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.RequestComplaintAssistance;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.complaint.TriageComplaint;
import org.servicequality.ledger.api.complaint.WithdrawComplaint;
import org.servicequality.ledger.command.department.DepartmentDirectory;
import org.servicequality.ledger.command.personaldata.PersonalDataKeyStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.now;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/**
 * A complaint or suggestion from its receipt to its resolution. The state kept here is only what
 * the rules below need.
 *
 * <p>A case is <em>open</em> until it is resolved, withdrawn or marked invalid. Resolution can be undone
 * by reopening; withdrawal and marking cannot (they are final), so the checks test them first.
 * Erasing the submitter's personal data is not handling and is allowed in every state.
 */
@Aggregate(cache = "aggregateCache")
class Complaint {


    static final String REPLY_DEADLINE = "complaint-reply-due";

    @AggregateIdentifier
    private String complaintId;
    private String handlingDepartmentId;
    private Instant receivedAt;
    private LocalDate replyDueOn;
    private Instant replyDueBy;
    /** True from filing and from every reopening until the next reply. */
    private boolean awaitingReply;
    private Instant lastRepliedAt;
    private Instant lastReopenedAt;
    /** A follow-up rates the latest reply; a new reply (after reopening) may be rated again. */
    private boolean followUpRecordedSinceReply;
    private boolean resolved;
    private boolean withdrawn;
    private boolean markedInvalid;
    private boolean escalated;
    private final Set<String> assistingDepartmentIds = new HashSet<>();
    private String contactKeyId;
    private boolean personalDataErased;

    Complaint() {
        // for event sourcing
    }

    @CommandHandler
    Complaint(FileComplaint command, DepartmentDirectory departments, ReplyDueDates replyDueDates,
              DeadlineManager deadlines) {
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        if (!departments.acceptsNewCases(command.departmentId())) {
            throw CommandRejectedException.conflict("department.retired",
                    "Department " + command.departmentId() + " is retired and takes no new complaints.");
        }
        requireNotInFuture(command.receivedAt(), "receivedAt");
        ReplyDueDates.ReplyDue due = replyDueDates.dueFor(command.receivedAt());
        apply(new ComplaintFiled(command.complaintId(), command.channel(), command.kind(), command.category(),
                command.departmentId(), command.employeeNumbers(), command.summary(), command.details(),
                command.receivedAt(), due.dueOn(), due.dueBy(), command.complainantContact()));
        // A complaint entered after its due time is already late: the deadline fires at once.
        deadlines.schedule(due.dueBy(), REPLY_DEADLINE);
    }

    @CommandHandler
    void handle(TriageComplaint command, DepartmentDirectory departments) {
        requireOpen();
        requireRegistered(departments, command.handlingDepartmentId(), "handlingDepartmentId");
        apply(new ComplaintTriaged(complaintId, command.category(), command.severity(), command.handlingDepartmentId()));
    }

    @CommandHandler
    void handle(RequestComplaintAssistance command, DepartmentDirectory departments) {
        requireOpen();
        requireRegistered(departments, command.assistingDepartmentId(), "assistingDepartmentId");
        if (command.assistingDepartmentId().equals(handlingDepartmentId)) {
            throw CommandRejectedException.conflict("complaint.assistance-from-handling-department",
                    "Department '" + handlingDepartmentId + "' handles complaint " + complaintId + " itself; ask another department for assistance.");
        }
        if (assistingDepartmentIds.contains(command.assistingDepartmentId())) {
            throw CommandRejectedException.conflict("complaint.assistance-already-requested",
                    "Department '" + command.assistingDepartmentId() + "' was already asked to assist with complaint " + complaintId + ".");
        }
        apply(new ComplaintAssistanceRequested(complaintId, handlingDepartmentId, command.assistingDepartmentId(),
                command.request(), now()));
    }

    @CommandHandler
    void handle(ForwardComplaint command, DepartmentDirectory departments) {
        requireOpen();
        requireRegistered(departments, command.toDepartmentId(), "toDepartmentId");
        if (command.toDepartmentId().equals(handlingDepartmentId)) {
            throw CommandRejectedException.conflict("complaint.forward-to-handling-department",
                    "Complaint " + complaintId + " is already handled by department '" + handlingDepartmentId + "'.");
        }
        apply(new ComplaintForwarded(complaintId, handlingDepartmentId, command.toDepartmentId(), command.reason(), now()));
    }

    @CommandHandler
    void handle(EscalateComplaint command) {
        requireOpen();
        if (escalated) {
            throw CommandRejectedException.conflict("complaint.already-escalated",
                    "Complaint " + complaintId + " is already before the leadership.");
        }
        apply(new ComplaintEscalated(complaintId, handlingDepartmentId, command.reason(), now()));
    }

    @CommandHandler
    void handle(ReplyToComplaint command) {
        requireOpen();
        if (!awaitingReply) {
            throw CommandRejectedException.conflict("complaint.already-replied",
                    "Complaint " + complaintId + " was already replied to at " + lastRepliedAt + ".");
        }
        requireNotInFuture(command.repliedAt(), "repliedAt");
        if (command.repliedAt().isBefore(receivedAt)) {
            throw CommandRejectedException.invalid("complaint.reply-before-receipt", "repliedAt",
                    "The reply time " + command.repliedAt() + " is before the complaint was received at " + receivedAt + ".");
        }
        if (lastReopenedAt != null && command.repliedAt().isBefore(lastReopenedAt)) {
            throw CommandRejectedException.invalid("complaint.reply-before-reopening", "repliedAt",
                    "The reply time " + command.repliedAt() + " is before the case was reopened at " + lastReopenedAt + ".");
        }
        apply(new ComplaintReplied(complaintId, handlingDepartmentId, command.text(), command.repliedAt()));
    }

    @CommandHandler
    void handle(ResolveComplaint command) {
        requireOpen();
        if (awaitingReply) {
            throw CommandRejectedException.conflict("complaint.resolution-before-reply",
                    "Complaint " + complaintId + " has not been replied to; the submitter must get a reply before the case is resolved.");
        }
        requireNotInFuture(command.resolvedAt(), "resolvedAt");
        if (command.resolvedAt().isBefore(lastRepliedAt)) {
            throw CommandRejectedException.invalid("complaint.resolution-before-reply", "resolvedAt",
                    "The resolution time " + command.resolvedAt() + " is before the reply at " + lastRepliedAt + ".");
        }
        apply(new ComplaintResolved(complaintId, handlingDepartmentId, command.outcome(), command.rectificationRequired(),
                command.resolvedAt()));
    }

    @CommandHandler
    void handle(RecordSatisfactionFollowUp command) {
        requireNotFinallyClosed();
        if (lastRepliedAt == null || awaitingReply) {
            throw CommandRejectedException.conflict("complaint.follow-up-before-reply",
                    "Complaint " + complaintId + " has no reply to follow up yet.");
        }
        if (followUpRecordedSinceReply) {
            throw CommandRejectedException.conflict("complaint.follow-up-already-recorded",
                    "A satisfaction follow-up of the reply to complaint " + complaintId + " is already recorded.");
        }
        if (command.score() < 1 || command.score() > 5) {
            throw CommandRejectedException.invalid("complaint.satisfaction-score-out-of-range", "score",
                    "The satisfaction score must be from 1 to 5, was " + command.score() + ".");
        }
        requireNotInFuture(command.followedUpAt(), "followedUpAt");
        if (command.followedUpAt().isBefore(lastRepliedAt)) {
            throw CommandRejectedException.invalid("complaint.follow-up-before-reply", "followedUpAt",
                    "The follow-up time " + command.followedUpAt() + " is before the reply at " + lastRepliedAt + ".");
        }
        apply(new SatisfactionFollowUpRecorded(complaintId, handlingDepartmentId, command.score(), command.comment(),
                command.followedUpAt()));
    }

    @CommandHandler
    void handle(ReopenComplaint command) {
        requireNotFinallyClosed();
        if (!resolved) {
            throw CommandRejectedException.conflict("complaint.not-resolved",
                    "Complaint " + complaintId + " is still open; only a resolved case can be reopened.");
        }
        apply(new ComplaintReopened(complaintId, handlingDepartmentId, command.reason(), now()));
    }

    @CommandHandler
    void handle(WithdrawComplaint command) {
        requireOpen();
        apply(new ComplaintWithdrawn(complaintId, handlingDepartmentId, command.reason(), now()));
    }

    @CommandHandler
    void handle(MarkComplaintInvalid command) {
        if (markedInvalid) {
            throw CommandRejectedException.conflict("complaint.marked-invalid",
                    "Complaint " + complaintId + " is already marked invalid.");
        }
        if (withdrawn) {
            throw CommandRejectedException.conflict("complaint.withdrawn",
                    "Complaint " + complaintId + " was withdrawn by its submitter; it is no longer handled.");
        }
        apply(new ComplaintMarkedInvalid(complaintId, handlingDepartmentId, command.reasonCode(), command.note(), now()));
    }

    @CommandHandler
    void handle(EraseComplainantPersonalData command, PersonalDataKeyStore keys) {
        if (contactKeyId == null) {
            throw CommandRejectedException.conflict("complaint.no-personal-data",
                    "Complaint " + complaintId + " was filed without contact details; there is nothing to erase.");
        }
        if (personalDataErased) {
            throw CommandRejectedException.conflict("complaint.personal-data-already-erased",
                    "The contact details of complaint " + complaintId + " are already erased.");
        }
        apply(new ComplainantPersonalDataErased(complaintId, contactKeyId, command.requestedBy(), command.reason(), now()));
        String keyId = contactKeyId;
        // The mark commits or rolls back with the event; only a committed erasure destroys the key material.
        keys.markForDestruction(keyId);
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> keys.destroy(keyId));
    }

    @DeadlineHandler(deadlineName = REPLY_DEADLINE)
    void replyDeadlinePassed() {
        // A reply, withdrawal or marking does not cancel the deadline: the only cancellation by scope the deadline
        // manager offers reads every scheduled deadline of the ledger, so its cost grew with the number of complaints
        // awaiting a reply (docs/benchmarks.md). The deadline fires anyway, and this state check makes it do nothing.
        if (awaitingReply && lastRepliedAt == null && !withdrawn && !markedInvalid) {
            apply(new ComplaintReplyOverdue(complaintId, handlingDepartmentId, replyDueOn, replyDueBy));
        }
    }

    /** Handling is over once a case is resolved (until reopened), withdrawn or marked invalid. */
    private void requireOpen() {
        requireNotFinallyClosed();
        if (resolved) {
            throw CommandRejectedException.conflict("complaint.already-resolved",
                    "Complaint " + complaintId + " is resolved; reopen it first.");
        }
    }

    private void requireNotFinallyClosed() {
        if (markedInvalid) {
            throw CommandRejectedException.conflict("complaint.marked-invalid",
                    "Complaint " + complaintId + " is marked malicious or mistaken; it takes no further handling.");
        }
        if (withdrawn) {
            throw CommandRejectedException.conflict("complaint.withdrawn",
                    "Complaint " + complaintId + " was withdrawn by its submitter; it takes no further handling.");
        }
    }

    private static void requireRegistered(DepartmentDirectory departments, String departmentId, String field) {
        if (!departments.isRegistered(departmentId)) {
            throw CommandRejectedException.notFound("department.unknown", field,
                    "No department is registered with id '" + departmentId + "'.");
        }
    }



    @EventSourcingHandler
    void on(ComplaintFiled event) {
        complaintId = event.complaintId();
        handlingDepartmentId = event.departmentId();
        receivedAt = event.receivedAt();
        replyDueOn = event.replyDueOn();
        replyDueBy = event.replyDueBy();
        awaitingReply = true;
        contactKeyId = event.complainantContact() == null ? null : event.complainantContact().keyId();
    }

    @EventSourcingHandler
    void on(ComplaintTriaged event) {
        handlingDepartmentId = event.handlingDepartmentId();
        // A department that now handles the case no longer counts as merely assisting it.
        assistingDepartmentIds.remove(handlingDepartmentId);
    }

    @EventSourcingHandler
    void on(ComplaintAssistanceRequested event) {
        assistingDepartmentIds.add(event.assistingDepartmentId());
    }

    @EventSourcingHandler
    void on(ComplaintForwarded event) {
        handlingDepartmentId = event.toDepartmentId();
        assistingDepartmentIds.remove(handlingDepartmentId);
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(ComplaintReplied event) {
        awaitingReply = false;
        lastRepliedAt = event.repliedAt();
        followUpRecordedSinceReply = false;
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        resolved = true;
    }

    @EventSourcingHandler
    void on(SatisfactionFollowUpRecorded event) {
        followUpRecordedSinceReply = true;
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        resolved = false;
        awaitingReply = true;
        lastReopenedAt = event.reopenedAt();
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(ComplaintMarkedInvalid event) {
        markedInvalid = true;
    }

    @EventSourcingHandler
    void on(ComplainantPersonalDataErased event) {
        personalDataErased = true;
    }
}
