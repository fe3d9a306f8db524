package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;
import java.util.Map;

/** A staff member of {@code departmentId} was nominated with their criterion scores. */
@Revision("1")
public record ServiceStarNominated(String serviceStarRoundId,
                                   Period period,
                                   String employeeNumber,
                                   String departmentId,
                                   Map<ServiceStarCriterion, Integer> scores,
                                   Instant nominatedAt) {

    public ServiceStarNominated {
        scores = Map.copyOf(scores);
    }
}
