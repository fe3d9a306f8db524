package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Severity;

public record TriageComplaint(@TargetAggregateIdentifier String complaintId,
                              Category category,
                              Severity severity,
                              String handlingDepartmentId,
                              @TargetAggregateVersion Long expectedVersion) {
}
