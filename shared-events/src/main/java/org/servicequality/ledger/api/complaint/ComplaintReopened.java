package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A resolved case was opened again; it needs a new reply and a new resolution. */
@Revision("1")
public record ComplaintReopened(String complaintId,
                                String handlingDepartmentId,
                                String reason,
                                Instant reopenedAt) {
}
