package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was closed with the investigation's outcome. */
@Revision("1")
public record ComplaintResolved(String complaintId,
                                String departmentId,
                                ResolutionOutcome outcome,
                                Instant resolvedAt) {
}
