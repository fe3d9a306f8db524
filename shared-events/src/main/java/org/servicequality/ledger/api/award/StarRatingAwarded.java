package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;
import java.util.Map;

/** A department or outlet was rated {@code stars} (1 to 5) for the period. */
@Revision("1")
public record StarRatingAwarded(String starRatingId,
                                String departmentId,
                                Period period,
                                int stars,
                                Map<StarRatingCriterion, Integer> scores,
                                Instant awardedAt) {

    public StarRatingAwarded {
        scores = Map.copyOf(scores);
    }
}
