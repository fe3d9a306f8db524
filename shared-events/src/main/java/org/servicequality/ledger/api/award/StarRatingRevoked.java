package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

/** The rating was withdrawn; {@code stars} is the rating that no longer holds. */
@Revision("1")
public record StarRatingRevoked(String starRatingId,
                                String departmentId,
                                Period period,
                                int stars,
                                String reason,
                                Instant revokedAt) {
}
