package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A complaint or suggestion was received and recorded. {@code details} is the submitter's own
 * account: it is kept for handling and audit but never shown on the public board.
 */
@Revision("1")
public record ComplaintFiled(String complaintId,
                             Channel channel,
                             FeedbackKind kind,
                             Category category,
                             String departmentId,
                             List<String> employeeNumbers,
                             String summary,
                             String details,
                             Instant receivedAt) {

    public ComplaintFiled {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
