package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** 转发: hands the case over to another department, which becomes the handling department. */
public record ForwardComplaint(@TargetAggregateIdentifier String complaintId,
                               String toDepartmentId,
                               String reason,
                               @TargetAggregateVersion Long expectedVersion) {
}
