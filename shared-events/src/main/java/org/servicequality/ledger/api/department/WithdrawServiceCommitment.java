package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawServiceCommitment(@TargetAggregateIdentifier String departmentId,
                                        String commitmentId,
                                        @TargetAggregateVersion Long expectedVersion) {
}
