package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record ReplyToComplaint(@TargetAggregateIdentifier String complaintId,
                               String text,
                               Instant repliedAt,
                               @TargetAggregateVersion Long expectedVersion) {
}
