package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was judged malicious or mistaken: kept in the record, excluded from scores and rates, closed to further handling. */
@Revision("1")
public record ComplaintMarkedInvalid(String complaintId,
                                     String handlingDepartmentId,
                                     InvalidComplaintReason reasonCode,
                                     String note,
                                     Instant markedAt) {
}
