package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** @param rectificationRequired whether the outcome calls for corrective action (整改) by the department */
public record ResolveComplaint(@TargetAggregateIdentifier String complaintId,
                               ResolutionOutcome outcome,
                               boolean rectificationRequired,
                               Instant resolvedAt,
                               @TargetAggregateVersion Long expectedVersion) {
}
