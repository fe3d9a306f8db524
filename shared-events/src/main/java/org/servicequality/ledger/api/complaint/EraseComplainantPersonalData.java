package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Crypto-shreds the submitter's contact: the key is destroyed, the history stays. */
public record EraseComplainantPersonalData(@TargetAggregateIdentifier String complaintId,
                                           String requestedBy,
                                           String reason,
                                           @TargetAggregateVersion Long expectedVersion) {
}
