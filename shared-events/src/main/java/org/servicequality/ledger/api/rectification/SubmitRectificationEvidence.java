package org.servicequality.ledger.api.rectification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** @param submittedBy the person submitting (an employee number or user id); they may not verify it themselves */
public record SubmitRectificationEvidence(@TargetAggregateIdentifier String rectificationId,
                                          String submittedBy,
                                          String evidence,
                                          Instant submittedAt,
                                          @TargetAggregateVersion Long expectedVersion) {
}
