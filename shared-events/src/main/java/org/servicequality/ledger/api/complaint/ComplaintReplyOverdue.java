package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** No reply was recorded by the reply due time; appended by the reply deadline. */
@Revision("1")
public record ComplaintReplyOverdue(String complaintId,
                                    String handlingDepartmentId,
                                    LocalDate replyDueOn,
                                    Instant replyDueBy) {
}
