package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.ranking.StarStatus;
import org.servicequality.ledger.api.staff.StaffRole;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** One staff member's counts in one period, summed from their months; the score is derived, never stored. */
class RankedRow {

    private String employeeNumber;
    private String departmentId;
    private StaffRole role;
    private StarStatus star = StarStatus.NOT_NOMINATED;
    private int commendations;
    private int substantiated;
    private int partlySubstantiated;
    private int positiveFindings;
    private int minorFindings;
    private int majorFindings;
    private int seriousFindings;
    private int followUps;
    private int satisfactionTotal;
    private Map<ServiceStarCriterion, Integer> criteria = new EnumMap<>(ServiceStarCriterion.class);
    private int criteriaTotal;
    /** The score, kept so that ordering rows compares numbers instead of recomputing every score. */
    private long scoreInHundredths;

    RankedRow() {
    }

    RankedRow(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    void add(StaffMonth month) {
        commendations += month.getCommendations().size();
        for (StaffMonth.ComplaintEntry complaint : month.getComplaints().values()) {
            if (complaint.outcome != null) {
                switch (complaint.outcome) {
                    case SUBSTANTIATED -> substantiated++;
                    case PARTLY_SUBSTANTIATED -> partlySubstantiated++;
                    case NOT_SUBSTANTIATED -> { }
                }
            }
            followUps += complaint.followUpScores.size();
            satisfactionTotal += complaint.followUpScores.stream().mapToInt(Integer::intValue).sum();
        }
        for (StaffMonth.FindingEntry finding : month.getFindings().values()) {
            if (finding.positive) {
                positiveFindings++;
            } else {
                countAgainst(finding.severity);
            }
        }
    }

    private void countAgainst(Severity severity) {
        switch (severity) {
            case MINOR -> minorFindings++;
            case MAJOR -> majorFindings++;
            case SERIOUS -> seriousFindings++;
        }
    }

    void nominated(ServiceStarRankingDocument.Nominee nominee) {
        star = nominee.star;
        criteria = new EnumMap<>(ServiceStarCriterion.class);
        criteria.putAll(nominee.scores);
        criteriaTotal = nominee.scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    void placeIn(String departmentId, StaffRole role) {
        this.departmentId = departmentId;
        this.role = role;
    }

    /** A row with nothing counted and no nomination says nothing and is not ranked. */
    boolean isEmpty() {
        return star == StarStatus.NOT_NOMINATED && commendations == 0 && substantiated == 0 && partlySubstantiated == 0
                && positiveFindings == 0 && findingsAgainst() == 0 && followUps == 0;
    }

    BigDecimal commendationPoints() {
        return ServiceStarScoring.commendations(commendations);
    }

    BigDecimal complaintPoints() {
        return ServiceStarScoring.complaints(substantiated, partlySubstantiated);
    }

    BigDecimal findingPoints() {
        return ServiceStarScoring.findings(positiveFindings, minorFindings, majorFindings, seriousFindings);
    }

    BigDecimal satisfactionPoints() {
        return ServiceStarScoring.satisfaction(followUps, satisfactionTotal);
    }

    BigDecimal criteriaPoints() {
        return ServiceStarScoring.criteria(criteriaTotal);
    }

    BigDecimal score() {
        return commendationPoints().add(complaintPoints()).add(findingPoints()).add(satisfactionPoints()).add(criteriaPoints());
    }

    /** Fixes the score once every count is in; done before the row is placed in a ranking. */
    RankedRow scored() {
        scoreInHundredths = score().movePointRight(2).longValueExact();
        return this;
    }

    long getScoreInHundredths() {
        return scoreInHundredths;
    }

    int complaintsAgainst() {
        return substantiated + partlySubstantiated;
    }

    int findingsAgainst() {
        return minorFindings + majorFindings + seriousFindings;
    }

    String getEmployeeNumber() {
        return employeeNumber;
    }

    String getDepartmentId() {
        return departmentId;
    }

    StaffRole getRole() {
        return role;
    }

    StarStatus getStar() {
        return star;
    }

    int getCommendations() {
        return commendations;
    }

    int getSubstantiated() {
        return substantiated;
    }

    int getPartlySubstantiated() {
        return partlySubstantiated;
    }

    int getPositiveFindings() {
        return positiveFindings;
    }

    int getMinorFindings() {
        return minorFindings;
    }

    int getMajorFindings() {
        return majorFindings;
    }

    int getSeriousFindings() {
        return seriousFindings;
    }

    int getFollowUps() {
        return followUps;
    }

    int getSatisfactionTotal() {
        return satisfactionTotal;
    }

    Map<ServiceStarCriterion, Integer> getCriteria() {
        return criteria;
    }

    int getCriteriaTotal() {
        return criteriaTotal;
    }
}
