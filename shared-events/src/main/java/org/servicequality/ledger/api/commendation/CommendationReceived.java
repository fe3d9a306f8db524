package org.servicequality.ledger.api.commendation;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.complaint.Channel;

import java.time.Instant;
import java.util.List;

/** Praise (表扬) arrived. It counts for the department and the staff named only once verified. */
@Revision("1")
public record CommendationReceived(String commendationId,
                                   Channel channel,
                                   String departmentId,
                                   List<String> employeeNumbers,
                                   String text,
                                   Instant receivedAt) {

    public CommendationReceived {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
