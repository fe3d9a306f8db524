package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.personaldata.EncryptedContact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint or suggestion was received and recorded. {@code details} is the submitter's own
 * account: it is kept for handling and audit but never shown on the public board.
 *
 * @param replyDueOn         the last working day on which the reply is on time, in the organisation's calendar
 * @param replyDueBy         the instant the reply becomes overdue: the start of the day after {@code replyDueOn}
 *                           in the organisation's time zone. Read models compare reply times with it and need
 *                           no calendar of their own.
 * @param complainantContact encrypted contact of the submitter, or {@code null} when none was given
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
                             Instant receivedAt,
                             LocalDate replyDueOn,
                             Instant replyDueBy,
                             EncryptedContact complainantContact) {

    public ComplaintFiled {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
