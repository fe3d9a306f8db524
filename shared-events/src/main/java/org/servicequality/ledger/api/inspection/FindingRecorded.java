package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A finding of an inspection. {@code inspectedAt} is the inspection's time, which decides the period the
 * finding counts in; {@code severity} is {@code null} for a positive finding.
 */
@Revision("1")
public record FindingRecorded(String inspectionId,
                              String findingId,
                              String departmentId,
                              String standardClause,
                              Severity severity,
                              int pointsDeducted,
                              boolean positive,
                              List<String> employeeNumbers,
                              String description,
                              Instant inspectedAt) {

    public FindingRecorded {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
