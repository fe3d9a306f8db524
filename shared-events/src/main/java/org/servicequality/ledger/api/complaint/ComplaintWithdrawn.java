package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The submitter withdrew the complaint; it takes no further handling. */
@Revision("1")
public record ComplaintWithdrawn(String complaintId,
                                 String handlingDepartmentId,
                                 String reason,
                                 Instant withdrawnAt) {
}
