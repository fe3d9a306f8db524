package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Marks a case as malicious or mistaken: it stays in the record but is excluded from scores. */
public record MarkComplaintInvalid(@TargetAggregateIdentifier String complaintId,
                                   InvalidComplaintReason reasonCode,
                                   String note,
                                   @TargetAggregateVersion Long expectedVersion) {
}
