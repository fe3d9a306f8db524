package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

public record CloseServiceStarRound(Period period,
                                    Instant closedAt,
                                    @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String serviceStarRoundId() {
        return AwardIds.serviceStarRound(period);
    }
}
