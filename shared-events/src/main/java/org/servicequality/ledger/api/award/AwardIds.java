package org.servicequality.ledger.api.award;

import org.servicequality.ledger.api.Period;

/** Aggregate ids of awards: natural keys with a prefix, in the one key space all aggregates share. */
public final class AwardIds {

    private AwardIds() {
    }

    public static String starRating(String departmentId, Period period) {
        return "star-rating:" + departmentId + ":" + period;
    }

    public static String serviceStarRound(Period period) {
        return "service-star-round:" + period;
    }
}
