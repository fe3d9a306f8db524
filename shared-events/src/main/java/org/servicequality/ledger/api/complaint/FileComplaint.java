package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicequality.ledger.api.personaldata.EncryptedContact;

import java.time.Instant;
import java.util.List;

/**
 * @param complainantContact the submitter's contact, already encrypted by the command side's personal-data
 *                           service; {@code null} when the submitter left none (anonymous)
 */
public record FileComplaint(@TargetAggregateIdentifier String complaintId,
                            Channel channel,
                            FeedbackKind kind,
                            Category category,
                            String departmentId,
                            List<String> employeeNumbers,
                            String summary,
                            String details,
                            Instant receivedAt,
                            EncryptedContact complainantContact) {

    public FileComplaint {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
