package org.servicequality.ledger.api.rectification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record ReportRectificationProgress(@TargetAggregateIdentifier String rectificationId,
                                          String note,
                                          Instant reportedAt,
                                          @TargetAggregateVersion Long expectedVersion) {
}
