package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ResolveComplaint(@TargetAggregateIdentifier String complaintId,
                               ResolutionOutcome outcome,
                               Instant resolvedAt) {
}
