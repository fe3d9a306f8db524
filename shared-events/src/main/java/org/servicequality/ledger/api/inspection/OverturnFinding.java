package org.servicequality.ledger.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record OverturnFinding(@TargetAggregateIdentifier String inspectionId,
                              String findingId,
                              String reason,
                              Instant decidedAt,
                              @TargetAggregateVersion Long expectedVersion) {
}
