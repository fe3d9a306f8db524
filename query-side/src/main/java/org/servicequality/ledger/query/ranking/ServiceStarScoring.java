package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * The Service Star score, version {@value #VERSION}; docs/scoring.md (Service Star rankings) states it with worked
 * examples. Changing a weight or the tie-break chain means a new version.
 */
final class ServiceStarScoring {

    static final String VERSION = "service-star-1";

    static final BigDecimal PER_COMMENDATION = points(5);
    static final BigDecimal PER_SUBSTANTIATED_COMPLAINT = points(-10);
    static final BigDecimal PER_PARTLY_SUBSTANTIATED_COMPLAINT = points(-5);
    static final BigDecimal PER_POSITIVE_FINDING = points(3);
    /** Points per satisfaction point above (or below) the neutral 3 of a 1-to-5 follow-up. */
    static final BigDecimal PER_SATISFACTION_POINT = points(2);
    static final int NEUTRAL_SATISFACTION = 3;
    /** Six criteria of at most 100 each: their total divided by 12 gives at most 50 points. */
    static final BigDecimal CRITERIA_DIVISOR = BigDecimal.valueOf(12);

    /**
     * Best first: higher score, then more verified commendations, then fewer (partly) substantiated
     * complaints, then fewer findings against the person, then the higher criterion total, then the
     * employee number in ascending order, which no two rows share.
     */
    static final Comparator<RankedRow> ORDER = Comparator
            .comparingLong(RankedRow::getScoreInHundredths).reversed()
            .thenComparing(Comparator.comparingInt(RankedRow::getCommendations).reversed())
            .thenComparingInt(RankedRow::complaintsAgainst)
            .thenComparingInt(RankedRow::findingsAgainst)
            .thenComparing(Comparator.comparingInt(RankedRow::getCriteriaTotal).reversed())
            .thenComparing(RankedRow::getEmployeeNumber);

    private ServiceStarScoring() {
    }

    static BigDecimal commendations(int verified) {
        return PER_COMMENDATION.multiply(BigDecimal.valueOf(verified));
    }

    static BigDecimal complaints(int substantiated, int partlySubstantiated) {
        return PER_SUBSTANTIATED_COMPLAINT.multiply(BigDecimal.valueOf(substantiated))
                .add(PER_PARTLY_SUBSTANTIATED_COMPLAINT.multiply(BigDecimal.valueOf(partlySubstantiated)));
    }

    static BigDecimal findings(int positive, int minor, int major, int serious) {
        return PER_POSITIVE_FINDING.multiply(BigDecimal.valueOf(positive))
                .add(perFindingAgainst(Severity.MINOR).multiply(BigDecimal.valueOf(minor)))
                .add(perFindingAgainst(Severity.MAJOR).multiply(BigDecimal.valueOf(major)))
                .add(perFindingAgainst(Severity.SERIOUS).multiply(BigDecimal.valueOf(serious)));
    }

    static BigDecimal perFindingAgainst(Severity severity) {
        return switch (severity) {
            case MINOR -> points(-2);
            case MAJOR -> points(-5);
            case SERIOUS -> points(-10);
        };
    }

    static BigDecimal satisfaction(int followUps, int scoreTotal) {
        return PER_SATISFACTION_POINT.multiply(BigDecimal.valueOf(scoreTotal - (long) NEUTRAL_SATISFACTION * followUps));
    }

    static BigDecimal criteria(int total) {
        return BigDecimal.valueOf(total).divide(CRITERIA_DIVISOR, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal points(int value) {
        return BigDecimal.valueOf(value).setScale(2);
    }
}
