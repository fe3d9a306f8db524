package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Severity;

import java.time.Instant;
import java.util.List;

/**
 * The appeal against a finding failed: the finding and its deduction stand. It repeats what the
 * finding said so that a handler (for example the Service Star eligibility record) needs no lookup;
 * {@code inspectedAt} decides the period.
 */
@Revision("1")
public record FindingUpheld(String inspectionId,
                            String findingId,
                            String departmentId,
                            Severity severity,
                            int pointsDeducted,
                            List<String> employeeNumbers,
                            Instant inspectedAt,
                            String reason,
                            Instant decidedAt) {

    public FindingUpheld {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
