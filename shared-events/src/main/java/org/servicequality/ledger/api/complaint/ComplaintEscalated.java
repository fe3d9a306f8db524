package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was referred to leadership; the handling department keeps working on it. */
@Revision("1")
public record ComplaintEscalated(String complaintId,
                                 String handlingDepartmentId,
                                 String reason,
                                 Instant escalatedAt) {
}
