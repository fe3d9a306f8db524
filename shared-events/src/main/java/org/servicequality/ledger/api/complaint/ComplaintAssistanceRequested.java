package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Another department was asked to help; the handling department keeps the case. */
@Revision("1")
public record ComplaintAssistanceRequested(String complaintId,
                                           String handlingDepartmentId,
                                           String assistingDepartmentId,
                                           String request,
                                           Instant requestedAt) {
}
