package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

public record RevokeStarRating(String departmentId,
                               Period period,
                               String reason,
                               Instant revokedAt,
                               @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String starRatingId() {
        return AwardIds.starRating(departmentId, period);
    }
}
