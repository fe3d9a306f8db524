package org.servicequality.ledger.api.ranking;

import org.servicequality.ledger.api.award.ServiceStarCriterion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A period's Service Star ranking. Staff appear by employee number, department and role, never by
 * name: every row also shows complaints and findings against the person.
 *
 * @param scoringVersion the scoring method that produced every score here, e.g. {@code service-star-1}
 * @param rows           best first; ties are already broken, so ranks are 1, 2, 3, ... without gaps
 */
public record ServiceStarRanking(String period, String scoringVersion, List<Row> rows) {

    public ServiceStarRanking {
        rows = List.copyOf(rows);
    }

    /** Rows whose Service Star award stands, in rank order. */
    public List<Row> awardedStars() {
        return rows.stream().filter(row -> row.star() == StarStatus.AWARDED).toList();
    }

    /**
     * @param departmentId the department at the end of the period (or now, for a running period)
     * @param role         the staff role then, or {@code null} when the staff member is not enrolled
     * @param score        the sum of the components' points, two decimals
     */
    public record Row(int rank,
                      String employeeNumber,
                      String departmentId,
                      String departmentNameZh,
                      String departmentNameEn,
                      String role,
                      StarStatus star,
                      BigDecimal score,
                      Components components) {
    }

    public record Components(Commendations commendations,
                             Complaints complaints,
                             Findings findings,
                             Satisfaction satisfaction,
                             Criteria criteria) {
    }

    /** Verified commendations naming the person, by the period they were received in. */
    public record Commendations(int verified, BigDecimal points) {
    }

    /** Complaints naming the person, resolved (partly) substantiated, neither withdrawn nor marked invalid. */
    public record Complaints(int substantiated, int partlySubstantiated, BigDecimal points) {
    }

    /** Inspection findings naming the person that were not overturned, by severity; positive ones count for them. */
    public record Findings(int positive, int minor, int major, int serious, BigDecimal points) {
    }

    /** Satisfaction follow-ups (1 to 5) on complaints naming the person. */
    public record Satisfaction(int followUps, int scoreTotal, BigDecimal points) {
    }

    /** The round's criterion scores (0 to 100 each); empty when the person was not nominated in this period's round. */
    public record Criteria(Map<ServiceStarCriterion, Integer> scores, int total, BigDecimal points) {

        public Criteria {
            scores = Map.copyOf(scores);
        }
    }
}
