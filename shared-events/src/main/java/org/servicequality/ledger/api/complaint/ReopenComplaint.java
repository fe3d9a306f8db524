package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopens a resolved case, for example when the submitter disputes the outcome. */
public record ReopenComplaint(@TargetAggregateIdentifier String complaintId,
                              String reason,
                              @TargetAggregateVersion Long expectedVersion) {
}
