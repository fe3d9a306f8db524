package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

import java.time.Instant;
import java.util.Map;

/** @param scores a score of 0 to 100 for every {@link ServiceStarCriterion} */
public record NominateServiceStar(Period period,
                                  String employeeNumber,
                                  String departmentId,
                                  Map<ServiceStarCriterion, Integer> scores,
                                  Instant nominatedAt,
                                  @TargetAggregateVersion Long expectedVersion) {

    public NominateServiceStar {
        scores = scores == null ? null : Map.copyOf(scores);
    }

    @TargetAggregateIdentifier
    public String serviceStarRoundId() {
        return AwardIds.serviceStarRound(period);
    }
}
