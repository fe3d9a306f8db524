package org.servicequality.ledger.api.commendation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RejectCommendation(@TargetAggregateIdentifier String commendationId,
                                 CommendationRejectionReason reasonCode,
                                 String reasonText,
                                 @TargetAggregateVersion Long expectedVersion) {
}
