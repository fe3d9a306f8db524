package org.servicequality.ledger.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** @param reply the department's reply, stating why it contests the finding */
public record AppealFinding(@TargetAggregateIdentifier String inspectionId,
                            String findingId,
                            String reply,
                            Instant appealedAt,
                            @TargetAggregateVersion Long expectedVersion) {
}
