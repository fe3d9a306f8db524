package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

@Revision("1")
public record ServiceStarRoundOpened(String serviceStarRoundId,
                                     Period period,
                                     int awardLimit,
                                     Instant openedAt) {
}
