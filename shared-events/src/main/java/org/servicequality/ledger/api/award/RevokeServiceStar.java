package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

public record RevokeServiceStar(Period period,
                                String employeeNumber,
                                String reason,
                                Instant revokedAt,
                                @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String serviceStarRoundId() {
        return AwardIds.serviceStarRound(period);
    }
}
