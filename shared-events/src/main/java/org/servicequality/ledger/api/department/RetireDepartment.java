package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetireDepartment(@TargetAggregateIdentifier String departmentId,
                               String reason,
                               @TargetAggregateVersion Long expectedVersion) {
}
