package org.servicequality.ledger.command.inspection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.inspection.AppealFinding;
import org.servicequality.ledger.api.inspection.CirculateInspectionResults;
import org.servicequality.ledger.api.inspection.ConductInspection;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.inspection.InspectionResultsCirculated;
import org.servicequality.ledger.api.inspection.OverturnFinding;
import org.servicequality.ledger.api.inspection.RecordFinding;
import org.servicequality.ledger.api.inspection.UpholdFinding;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/**
 * One inspection of one department and its findings. Findings are open to additions until the results
 * are circulated; afterwards the record is what was published, and only appeals and their decisions follow.
 */
@Aggregate(cache = "aggregateCache")
class Inspection {


    @AggregateIdentifier
    private String inspectionId;
    private String departmentId;
    private Instant conductedAt;
    private Instant circulatedAt;

    /** Each finding's events reach only that finding (matched on findingId), not every finding of the inspection. */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final List<Finding> findings = new ArrayList<>();

    Inspection() {
        // for event sourcing
    }

    @CommandHandler
    Inspection(ConductInspection command, DepartmentDirectory departments) {
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        requireNotInFuture(command.conductedAt(), "conductedAt");
        apply(new InspectionConducted(command.inspectionId(), command.method(), command.departmentId(),
                command.inspector(), command.conductedAt()));
    }

    @CommandHandler
    void handle(RecordFinding command) {
        if (circulatedAt != null) {
            throw CommandRejectedException.conflict("inspection.already-circulated",
                    "The results of inspection " + inspectionId + " were circulated at " + circulatedAt
                            + "; a circulated result takes no new findings.");
        }
        if (findingOrNull(command.findingId()) != null) {
            throw CommandRejectedException.conflict("inspection.finding-already-recorded",
                    "Finding " + command.findingId() + " is already recorded.");
        }
        if (command.pointsDeducted() < 0) {
            throw CommandRejectedException.invalid("inspection.negative-points", "pointsDeducted",
                    "Points deducted cannot be negative; a positive finding deducts 0.");
        }
        if (command.positive()) {
            if (command.pointsDeducted() != 0) {
                throw CommandRejectedException.invalid("inspection.positive-finding-deducts", "pointsDeducted",
                        "A positive finding deducts no points.");
            }
            if (command.severity() != null) {
                throw CommandRejectedException.invalid("inspection.positive-finding-severity", "severity",
                        "A positive finding has no severity.");
            }
        } else if (command.severity() == null) {
            throw CommandRejectedException.invalid("inspection.severity-required", "severity",
                    "A finding of a shortcoming needs a severity.");
        }
        apply(new FindingRecorded(inspectionId, command.findingId(), departmentId, command.standardClause(),
                command.severity(), command.pointsDeducted(), command.positive(), command.employeeNumbers(),
                command.description(), conductedAt));
    }

    @CommandHandler
    void handle(CirculateInspectionResults command) {
        if (circulatedAt != null) {
            throw CommandRejectedException.conflict("inspection.already-circulated",
                    "The results of inspection " + inspectionId + " were already circulated at " + circulatedAt + ".");
        }
        requireNotInFuture(command.circulatedAt(), "circulatedAt");
        requireNotBefore(command.circulatedAt(), conductedAt, "circulatedAt", "the inspection");
        int points = findings.stream().mapToInt(Finding::pointsDeducted).sum();
        apply(new InspectionResultsCirculated(inspectionId, departmentId, findings.size(), points, command.circulatedAt()));
    }

    @CommandHandler
    void handle(AppealFinding command) {
        Finding finding = finding(command.findingId());
        if (circulatedAt == null) {
            throw CommandRejectedException.conflict("inspection.not-circulated",
                    "The results of inspection " + inspectionId + " have not been circulated; only circulated findings can be appealed.");
        }
        requireNotInFuture(command.appealedAt(), "appealedAt");
        requireNotBefore(command.appealedAt(), circulatedAt, "appealedAt", "the circulation");
        finding.appeal(command.reply(), command.appealedAt());
    }

    @CommandHandler
    void handle(UpholdFinding command) {
        Finding finding = finding(command.findingId());
        requireNotInFuture(command.decidedAt(), "decidedAt");
        finding.uphold(command.reason(), command.decidedAt());
    }

    @CommandHandler
    void handle(OverturnFinding command) {
        Finding finding = finding(command.findingId());
        requireNotInFuture(command.decidedAt(), "decidedAt");
        finding.overturn(command.reason(), command.decidedAt());
    }

    /** Looked up here rather than routed to the entity by Axon, so that an unknown finding is a clear 404. */
    private Finding finding(String findingId) {
        Finding finding = findingOrNull(findingId);
        if (finding == null) {
            throw CommandRejectedException.notFound("inspection.finding-unknown", "findingId",
                    "Inspection " + inspectionId + " has no finding '" + findingId + "'.");
        }
        return finding;
    }

    private Finding findingOrNull(String findingId) {
        return findings.stream().filter(f -> f.findingId().equals(findingId)).findFirst().orElse(null);
    }


    static void requireNotBefore(Instant instant, Instant earliest, String field, String what) {
        if (instant.isBefore(earliest)) {
            throw CommandRejectedException.invalid("time.out-of-order", field,
                    "The time " + instant + " is before " + what + " at " + earliest + ".");
        }
    }

    @EventSourcingHandler
    void on(InspectionConducted event) {
        inspectionId = event.inspectionId();
        departmentId = event.departmentId();
        conductedAt = event.conductedAt();
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings.add(new Finding(event));
    }

    @EventSourcingHandler
    void on(InspectionResultsCirculated event) {
        circulatedAt = event.circulatedAt();
    }
}
