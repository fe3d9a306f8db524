package org.servicequality.ledger.api.rectification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record RejectRectificationEvidence(@TargetAggregateIdentifier String rectificationId,
                                          String rejectedBy,
                                          String reason,
                                          Instant rejectedAt,
                                          @TargetAggregateVersion Long expectedVersion) {
}
