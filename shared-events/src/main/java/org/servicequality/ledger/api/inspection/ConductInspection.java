package org.servicequality.ledger.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ConductInspection(@TargetAggregateIdentifier String inspectionId,
                                InspectionMethod method,
                                String departmentId,
                                String inspector,
                                Instant conductedAt) {
}
