package org.servicequality.ledger.command.staff;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.staff.EnrolStaffMember;
import org.servicequality.ledger.api.staff.RecordStaffMemberLeaving;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberIds;
import org.servicequality.ledger.api.staff.StaffMemberLeft;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.api.staff.TransferStaffMember;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of staff, keyed by unified employee number (工号); aggregate id {@code staff:<employeeNumber>}.
 * Everyone who serves counts, whatever their role.
 */
@Aggregate(cache = "aggregateCache")
class StaffMember {

    @AggregateIdentifier
    private String staffMemberId;
    private String employeeNumber;
    private String departmentId;
    private StaffRole role;
    private boolean left;

    StaffMember() {
        // for event sourcing
    }

    @CommandHandler
    StaffMember(EnrolStaffMember command, StaffDirectory staff, DepartmentDirectory departments) {
        if (staff.isEnrolled(command.employeeNumber())) {
            throw CommandRejectedException.conflict("staff.already-enrolled",
                    "Employee number " + command.employeeNumber() + " is already enrolled; employee numbers are never reused.");
        }
        requireDepartmentTakingStaff(departments, command.departmentId());
        apply(new StaffMemberEnrolled(command.employeeNumber(), command.departmentId(), command.role(),
                command.displayName(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(TransferStaffMember command, DepartmentDirectory departments) {
        requirePresent();
        if (command.toDepartmentId().equals(departmentId)) {
            throw CommandRejectedException.conflict("staff.already-in-department",
                    "Employee " + employeeNumber + " already works in department " + departmentId + ".");
        }
        requireDepartmentTakingStaff(departments, command.toDepartmentId());
        StaffRole newRole = command.role() == null ? role : command.role();
        apply(new StaffMemberTransferred(employeeNumber, departmentId, command.toDepartmentId(), newRole,
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(RecordStaffMemberLeaving command) {
        requirePresent();
        apply(new StaffMemberLeft(employeeNumber, departmentId, GenericEventMessage.clock.instant()));
    }

    private void requirePresent() {
        if (left) {
            throw CommandRejectedException.conflict("staff.left",
                    "Employee " + employeeNumber + " has left; nothing more is recorded for them.");
        }
    }

    private static void requireDepartmentTakingStaff(DepartmentDirectory departments, String departmentId) {
        if (!departments.isRegistered(departmentId)) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + departmentId + "'.");
        }
        if (!departments.acceptsNewCases(departmentId)) {
            throw CommandRejectedException.conflict("department.retired",
                    "Department " + departmentId + " is retired; staff cannot join it.");
        }
    }

    @EventSourcingHandler
    void on(StaffMemberEnrolled event) {
        staffMemberId = StaffMemberIds.of(event.employeeNumber());
        employeeNumber = event.employeeNumber();
        departmentId = event.departmentId();
        role = event.role();
    }

    @EventSourcingHandler
    void on(StaffMemberTransferred event) {
        departmentId = event.toDepartmentId();
        role = event.role();
    }

    @EventSourcingHandler
    void on(StaffMemberLeft event) {
        left = true;
    }
}
