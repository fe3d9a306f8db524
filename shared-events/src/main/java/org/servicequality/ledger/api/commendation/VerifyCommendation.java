package org.servicequality.ledger.api.commendation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record VerifyCommendation(@TargetAggregateIdentifier String commendationId,
                                 @TargetAggregateVersion Long expectedVersion) {
}
