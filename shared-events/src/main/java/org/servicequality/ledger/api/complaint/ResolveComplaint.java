package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record ResolveComplaint(@TargetAggregateIdentifier String complaintId,
                               ResolutionOutcome outcome,
                               Instant resolvedAt,
                               @TargetAggregateVersion Long expectedVersion) {
}
