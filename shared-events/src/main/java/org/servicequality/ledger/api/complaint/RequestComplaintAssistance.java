package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** 求助: asks another department to help the handling department, which keeps the case. */
public record RequestComplaintAssistance(@TargetAggregateIdentifier String complaintId,
                                         String assistingDepartmentId,
                                         String request,
                                         @TargetAggregateVersion Long expectedVersion) {
}
