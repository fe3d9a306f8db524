package org.servicequality.ledger.command.complaint;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint or suggestion from its receipt to its resolution. The state kept here is only what
 * the rules below need.
 */
@Aggregate
class Complaint {

    /** Clocks of intake terminals and of this server never agree exactly; a few minutes of lead are tolerated. */
    static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String complaintId;
    private String handlingDepartmentId;
    private Instant receivedAt;
    private Instant repliedAt;
    private boolean resolved;

    Complaint() {
        // for event sourcing
    }

    @CommandHandler
    Complaint(FileComplaint command, DepartmentDirectory departments) {
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        if (!departments.acceptsNewCases(command.departmentId())) {
            throw CommandRejectedException.conflict("department.retired",
                    "Department " + command.departmentId() + " is retired and takes no new complaints.");
        }
        requireNotInFuture(command.receivedAt(), "receivedAt");
        apply(new ComplaintFiled(command.complaintId(), command.channel(), command.kind(), command.category(),
                command.departmentId(), command.employeeNumbers(), command.summary(), command.details(),
                command.receivedAt()));
    }

    @CommandHandler
    void handle(ReplyToComplaint command) {
        if (resolved) {
            throw CommandRejectedException.conflict("complaint.already-resolved",
                    "Complaint " + complaintId + " is resolved; a resolved case takes no further reply.");
        }
        if (repliedAt != null) {
            throw CommandRejectedException.conflict("complaint.already-replied",
                    "Complaint " + complaintId + " was already replied to at " + repliedAt + ".");
        }
        requireNotInFuture(command.repliedAt(), "repliedAt");
        if (command.repliedAt().isBefore(receivedAt)) {
            throw CommandRejectedException.invalid("complaint.reply-before-receipt", "repliedAt",
                    "The reply time " + command.repliedAt() + " is before the complaint was received at " + receivedAt + ".");
        }
        apply(new ComplaintReplied(complaintId, handlingDepartmentId, command.text(), command.repliedAt()));
    }

    @CommandHandler
    void handle(ResolveComplaint command) {
        if (resolved) {
            throw CommandRejectedException.conflict("complaint.already-resolved",
                    "Complaint " + complaintId + " is already resolved.");
        }
        if (repliedAt == null) {
            throw CommandRejectedException.conflict("complaint.resolution-before-reply",
                    "Complaint " + complaintId + " has not been replied to; the submitter must get a reply before the case is resolved.");
        }
        requireNotInFuture(command.resolvedAt(), "resolvedAt");
        if (command.resolvedAt().isBefore(repliedAt)) {
            throw CommandRejectedException.invalid("complaint.resolution-before-reply", "resolvedAt",
                    "The resolution time " + command.resolvedAt() + " is before the reply at " + repliedAt + ".");
        }
        apply(new ComplaintResolved(complaintId, handlingDepartmentId, command.outcome(), command.resolvedAt()));
    }

    private static void requireNotInFuture(Instant instant, String field) {
        Instant latestAccepted = GenericEventMessage.clock.instant().plus(CLOCK_SKEW_TOLERANCE);
        if (instant.isAfter(latestAccepted)) {
            throw CommandRejectedException.invalid("time.in-future", field,
                    "The time " + instant + " lies in the future.");
        }
    }

    @EventSourcingHandler
    void on(ComplaintFiled event) {
        complaintId = event.complaintId();
        handlingDepartmentId = event.departmentId();
        receivedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(ComplaintReplied event) {
        repliedAt = event.repliedAt();
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        resolved = true;
    }
}
