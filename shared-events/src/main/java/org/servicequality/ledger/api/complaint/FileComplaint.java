package org.servicequality.ledger.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public record FileComplaint(@TargetAggregateIdentifier String complaintId,
                            Channel channel,
                            FeedbackKind kind,
                            Category category,
                            String departmentId,
                            List<String> employeeNumbers,
                            String summary,
                            String details,
                            Instant receivedAt) {

    public FileComplaint {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
