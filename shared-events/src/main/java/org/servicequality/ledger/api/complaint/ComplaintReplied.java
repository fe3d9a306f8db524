package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The handling department answered the submitter. */
@Revision("1")
public record ComplaintReplied(String complaintId,
                               String departmentId,
                               String text,
                               Instant repliedAt) {
}
