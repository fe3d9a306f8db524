package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param commitmentId chosen by the server (a random UUID), unique within the department */
public record PublishServiceCommitment(@TargetAggregateIdentifier String departmentId,
                                       String commitmentId,
                                       String textZh,
                                       String textEn,
                                       @TargetAggregateVersion Long expectedVersion) {
}
