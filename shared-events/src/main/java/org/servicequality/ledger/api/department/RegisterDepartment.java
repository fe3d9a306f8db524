package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterDepartment(@TargetAggregateIdentifier String departmentId,
                                 String nameZh,
                                 String nameEn,
                                 DepartmentKind kind) {
}
