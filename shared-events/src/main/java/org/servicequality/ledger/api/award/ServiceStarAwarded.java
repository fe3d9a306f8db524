package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

@Revision("1")
public record ServiceStarAwarded(String serviceStarRoundId,
                                 Period period,
                                 String employeeNumber,
                                 String departmentId,
                                 Instant awardedAt) {
}
