package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The submitter takes the complaint back before it is resolved. */
public record WithdrawComplaint(@TargetAggregateIdentifier String complaintId,
                                String reason,
                                @TargetAggregateVersion Long expectedVersion) {
}
