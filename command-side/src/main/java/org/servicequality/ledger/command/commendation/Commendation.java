package org.servicequality.ledger.command.commendation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.commendation.ReceiveCommendation;
import org.servicequality.ledger.api.commendation.RejectCommendation;
import org.servicequality.ledger.api.commendation.VerifyCommendation;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/** Praise (表扬) from its receipt until it is verified and counts, or is rejected and does not. */
@Aggregate(cache = "aggregateCache")
class Commendation {


    private enum Status { RECEIVED, VERIFIED, REJECTED }

    @AggregateIdentifier
    private String commendationId;
    private Status status;
    private Channel channel;
    private String departmentId;
    private List<String> employeeNumbers;
    private Instant receivedAt;

    Commendation() {
        // for event sourcing
    }

    @CommandHandler
    Commendation(ReceiveCommendation command, DepartmentDirectory departments) {
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        if (!departments.acceptsNewCases(command.departmentId())) {
            throw CommandRejectedException.conflict("department.retired",
                    "Department " + command.departmentId() + " is retired and takes no new commendations.");
        }
        requireNotInFuture(command.receivedAt(), "receivedAt");
        apply(new CommendationReceived(command.commendationId(), command.channel(), command.departmentId(),
                command.employeeNumbers(), command.text(), command.receivedAt()));
    }

    @CommandHandler
    void handle(VerifyCommendation command) {
        requireUndecided();
        apply(new CommendationVerified(commendationId, departmentId, employeeNumbers, channel, receivedAt,
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(RejectCommendation command) {
        requireUndecided();
        apply(new CommendationRejected(commendationId, departmentId, command.reasonCode(), command.reasonText(),
                GenericEventMessage.clock.instant()));
    }

    private void requireUndecided() {
        switch (status) {
            case VERIFIED -> throw CommandRejectedException.conflict("commendation.already-verified",
                    "Commendation " + commendationId + " is already verified.");
            case REJECTED -> throw CommandRejectedException.conflict("commendation.already-rejected",
                    "Commendation " + commendationId + " is already rejected.");
            case RECEIVED -> {
                // still open for a decision
            }
        }
    }

    @EventSourcingHandler
    void on(CommendationReceived event) {
        commendationId = event.commendationId();
        status = Status.RECEIVED;
        channel = event.channel();
        departmentId = event.departmentId();
        employeeNumbers = event.employeeNumbers();
        receivedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(CommendationVerified event) {
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(CommendationRejected event) {
        status = Status.REJECTED;
    }
}
