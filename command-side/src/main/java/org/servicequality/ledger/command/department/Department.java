package org.servicequality.ledger.command.department;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.RegisterDepartment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A department, unit or outlet where service is given (科室 / 部门 / 网点). */
@Aggregate
class Department {

    @AggregateIdentifier
    private String departmentId;

    Department() {
        // for event sourcing
    }

    @CommandHandler
    Department(RegisterDepartment command, DepartmentDirectory departments) {
        if (departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.conflict("department.already-registered",
                    "A department with id '" + command.departmentId() + "' is already registered; ids are never reused.");
        }
        apply(new DepartmentRegistered(command.departmentId(), command.nameZh(), command.nameEn(), command.kind()));
    }

    @EventSourcingHandler
    void on(DepartmentRegistered event) {
        departmentId = event.departmentId();
    }
}
