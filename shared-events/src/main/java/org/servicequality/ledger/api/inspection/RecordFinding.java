package org.servicequality.ledger.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Severity;

import java.util.List;

/**
 * @param standardClause  the written standard the finding cites, for example a forbidden phrase or "not standing to greet"
 * @param severity        required for a shortcoming, absent ({@code null}) for a positive finding
 * @param pointsDeducted  0 or more; always 0 for a positive finding
 */
public record RecordFinding(@TargetAggregateIdentifier String inspectionId,
                            String findingId,
                            String standardClause,
                            Severity severity,
                            int pointsDeducted,
                            boolean positive,
                            List<String> employeeNumbers,
                            String description,
                            @TargetAggregateVersion Long expectedVersion) {

    public RecordFinding {
        employeeNumbers = List.copyOf(employeeNumbers);
    }
}
