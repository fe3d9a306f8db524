package org.servicequality.ledger.api.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

/** @param awardLimit how many Service Stars the round may award at most; {@code null} means the default of 10 */
public record OpenServiceStarRound(Period period,
                                   Integer awardLimit,
                                   Instant openedAt) {

    /** "Ten Best Service Stars" (十佳服务之星). */
    public static final int DEFAULT_AWARD_LIMIT = 10;

    @TargetAggregateIdentifier
    public String serviceStarRoundId() {
        return AwardIds.serviceStarRound(period);
    }
}
