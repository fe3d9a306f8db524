package org.servicequality.ledger.api.rectification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record VerifyRectification(@TargetAggregateIdentifier String rectificationId,
                                  String verifiedBy,
                                  String note,
                                  Instant verifiedAt,
                                  @TargetAggregateVersion Long expectedVersion) {
}
