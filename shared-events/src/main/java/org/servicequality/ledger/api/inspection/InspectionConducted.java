package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A department was inspected; findings follow as separate events. */
@Revision("1")
public record InspectionConducted(String inspectionId,
                                  InspectionMethod method,
                                  String departmentId,
                                  String inspector,
                                  Instant conductedAt) {
}
