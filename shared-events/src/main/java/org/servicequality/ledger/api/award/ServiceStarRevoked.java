package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

/** The award was withdrawn; the place it took within the round's limit is free again while the round is open. */
@Revision("1")
public record ServiceStarRevoked(String serviceStarRoundId,
                                 Period period,
                                 String employeeNumber,
                                 String departmentId,
                                 String reason,
                                 Instant revokedAt) {
}
