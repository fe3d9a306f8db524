package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was handed over; {@code toDepartmentId} handles it from now on. */
@Revision("1")
public record ComplaintForwarded(String complaintId,
                                 String fromDepartmentId,
                                 String toDepartmentId,
                                 String reason,
                                 Instant forwardedAt) {
}
