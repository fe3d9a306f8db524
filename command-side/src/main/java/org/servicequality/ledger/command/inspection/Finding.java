package org.servicequality.ledger.command.inspection;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.inspection.FindingAppealed;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.FindingUpheld;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A finding within an inspection: its appeal is a small life of its own (recorded, appealed once,
 * then upheld or overturned). Axon routes the finding's events here by {@code findingId}.
 */
class Finding {

    private enum Stage { RECORDED, APPEALED, UPHELD, OVERTURNED }

    @EntityId
    private final String findingId;
    private final String inspectionId;
    private final String departmentId;
    private final Severity severity;
    private final int pointsDeducted;
    private final boolean positive;
    private final List<String> employeeNumbers;
    private final Instant inspectedAt;
    private Stage stage = Stage.RECORDED;
    private Instant appealedAt;

    Finding(FindingRecorded event) {
        findingId = event.findingId();
        inspectionId = event.inspectionId();
        departmentId = event.departmentId();
        severity = event.severity();
        pointsDeducted = event.pointsDeducted();
        positive = event.positive();
        employeeNumbers = event.employeeNumbers();
        inspectedAt = event.inspectedAt();
    }

    String findingId() {
        return findingId;
    }

    int pointsDeducted() {
        return pointsDeducted;
    }

    void appeal(String reply, Instant at) {
        if (positive) {
            throw CommandRejectedException.conflict("inspection.positive-finding-not-appealable",
                    "Finding " + findingId + " is positive; there is nothing to appeal.");
        }
        if (stage != Stage.RECORDED) {
            throw CommandRejectedException.conflict("inspection.finding-already-appealed",
                    "Finding " + findingId + " was already appealed at " + appealedAt + "; a finding can be appealed once.");
        }
        apply(new FindingAppealed(inspectionId, findingId, departmentId, reply, at));
    }

    void uphold(String reason, Instant at) {
        requireUndecidedAppeal(at);
        apply(new FindingUpheld(inspectionId, findingId, departmentId, severity, pointsDeducted, employeeNumbers,
                inspectedAt, reason, at));
    }

    void overturn(String reason, Instant at) {
        requireUndecidedAppeal(at);
        apply(new FindingOverturned(inspectionId, findingId, departmentId, pointsDeducted, inspectedAt, reason, at));
    }

    private void requireUndecidedAppeal(Instant at) {
        if (stage == Stage.RECORDED) {
            throw CommandRejectedException.conflict("inspection.finding-not-appealed",
                    "Finding " + findingId + " was not appealed; only an appealed finding is upheld or overturned.");
        }
        if (stage != Stage.APPEALED) {
            throw CommandRejectedException.conflict("inspection.finding-already-decided",
                    "The appeal against finding " + findingId + " was already decided (" + stage.name().toLowerCase() + ").");
        }
        Inspection.requireNotBefore(at, appealedAt, "decidedAt", "the appeal");
    }

    /** By state, so that Axon's test fixture can compare the aggregate rebuilt from events with the one that handled the command. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && pointsDeducted == that.pointsDeducted && positive == that.positive
                && findingId.equals(that.findingId) && inspectionId.equals(that.inspectionId)
                && departmentId.equals(that.departmentId) && severity == that.severity
                && employeeNumbers.equals(that.employeeNumbers) && Objects.equals(inspectedAt, that.inspectedAt)
                && stage == that.stage && Objects.equals(appealedAt, that.appealedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inspectionId, findingId);
    }

    @EventSourcingHandler
    void on(FindingAppealed event) {
        stage = Stage.APPEALED;
        appealedAt = event.appealedAt();
    }

    @EventSourcingHandler
    void on(FindingUpheld event) {
        stage = Stage.UPHELD;
    }

    @EventSourcingHandler
    void on(FindingOverturned event) {
        stage = Stage.OVERTURNED;
    }
}
