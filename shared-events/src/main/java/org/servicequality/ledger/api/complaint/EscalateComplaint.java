package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** 上报: refers the case to the organisation's leadership. */
public record EscalateComplaint(@TargetAggregateIdentifier String complaintId,
                                String reason,
                                @TargetAggregateVersion Long expectedVersion) {
}
