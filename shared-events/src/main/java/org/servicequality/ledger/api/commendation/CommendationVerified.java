package org.servicequality.ledger.api.commendation;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.complaint.Channel;

import java.time.Instant;
import java.util.List;

/**
 * The praise was confirmed. It repeats what a count needs (department, staff, channel, receipt time:
 * praise counts in the period it was received) so projections need not look anything up.
 */
@Revision("1")
public record CommendationVerified(String commendationId,
                                   String departmentId,
                                   List<String> employeeNumbers,
                                   Channel channel,
                                   Instant receivedAt,
                                   Instant verifiedAt) {

    public CommendationVerified {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
