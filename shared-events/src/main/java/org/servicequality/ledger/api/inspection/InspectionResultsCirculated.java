package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The results were circulated (通报) and may now be disclosed; the inspection takes no further findings.
 *
 * @param findingCount         findings recorded, positive ones included
 * @param totalPointsDeducted  the sum of points deducted by all findings as circulated (before any appeal)
 */
@Revision("1")
public record InspectionResultsCirculated(String inspectionId,
                                          String departmentId,
                                          int findingCount,
                                          int totalPointsDeducted,
                                          Instant circulatedAt) {
}
