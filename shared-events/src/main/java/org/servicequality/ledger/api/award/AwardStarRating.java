package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

import java.time.Instant;
import java.util.Map;

/**
 * Awards a department or outlet 1 to 5 stars for a period. The first award creates the rating; after a
 * revocation the same command awards it again.
 *
 * @param scores a score of 0 to 100 for every {@link StarRatingCriterion}
 */
public record AwardStarRating(String departmentId,
                              Period period,
                              int stars,
                              Map<StarRatingCriterion, Integer> scores,
                              Instant awardedAt,
                              @TargetAggregateVersion Long expectedVersion) {

    public AwardStarRating {
        scores = scores == null ? null : Map.copyOf(scores);
    }

    @TargetAggregateIdentifier
    public String starRatingId() {
        return AwardIds.starRating(departmentId, period);
    }
}
