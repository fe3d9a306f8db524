package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** 满意度随访: the submitter's satisfaction, surveyed after the reply. */
public record RecordSatisfactionFollowUp(@TargetAggregateIdentifier String complaintId,
                                         int score,
                                         String comment,
                                         Instant followedUpAt,
                                         @TargetAggregateVersion Long expectedVersion) {
}
