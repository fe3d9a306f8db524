package org.servicequality.ledger.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record CirculateInspectionResults(@TargetAggregateIdentifier String inspectionId,
                                         Instant circulatedAt,
                                         @TargetAggregateVersion Long expectedVersion) {
}
