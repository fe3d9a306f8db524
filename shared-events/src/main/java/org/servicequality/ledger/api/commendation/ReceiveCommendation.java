package org.servicequality.ledger.api.commendation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicequality.ledger.api.complaint.Channel;

import java.time.Instant;
import java.util.List;

public record ReceiveCommendation(@TargetAggregateIdentifier String commendationId,
                                  Channel channel,
                                  String departmentId,
                                  List<String> employeeNumbers,
                                  String text,
                                  Instant receivedAt) {

    public ReceiveCommendation {
        employeeNumbers = employeeNumbers == null ? List.of() : List.copyOf(employeeNumbers);
    }
}
