package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case was closed with the investigation's outcome.
 *
 * @param rectificationRequired whether the department must take corrective action (整改); a rectification
 *                              is ordered separately and refers back to this complaint
 */
@Revision("1")
public record ComplaintResolved(String complaintId,
                                String departmentId,
                                ResolutionOutcome outcome,
                                boolean rectificationRequired,
                                Instant resolvedAt) {
}
