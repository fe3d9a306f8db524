package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenameDepartment(@TargetAggregateIdentifier String departmentId,
                               String nameZh,
                               String nameEn,
                               @TargetAggregateVersion Long expectedVersion) {
}
