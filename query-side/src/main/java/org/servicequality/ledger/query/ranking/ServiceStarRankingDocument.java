package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.ranking.StarStatus;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A period's ranking, precomputed and read by {@code _id} ({@code service-stars:2026-Q3}): the rows in
 * rank order, and the nominations of the period's Service Star round. Lists, not maps keyed by
 * employee number: a key must not contain a dot in MongoDB, an employee number may.
 */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("service_star_rankings")
class ServiceStarRankingDocument extends ReadModelDocument {

    private String period;
    private List<Nominee> nominees = new ArrayList<>();
    private List<RankedRow> rows = new ArrayList<>();
    /**
     * Each person's row in {@link #rows}, so that replacing it finds the old row by a binary search instead of a walk
     * over every row (a year's ranking holds every ranked person, and a replay replaces rows for most events). Built
     * from the rows when first needed, never stored.
     */
    @Transient
    private Map<String, RankedRow> rowOf;

    ServiceStarRankingDocument() {
    }

    ServiceStarRankingDocument(Period period) {
        super(id(period));
        this.period = period.toString();
    }

    static String id(Period period) {
        return "service-stars:" + period;
    }

    /** The nomination's scores and department never change; a redelivered nomination keeps the award status. */
    void nominated(String employeeNumber, String departmentId, Map<ServiceStarCriterion, Integer> scores) {
        if (nominee(employeeNumber).isEmpty()) {
            nominees.add(new Nominee(employeeNumber, departmentId, scores));
        }
    }

    void star(String employeeNumber, StarStatus status) {
        nominee(employeeNumber).ifPresent(nominee -> nominee.star = status);
    }

    Optional<Nominee> nominee(String employeeNumber) {
        return nominees.stream().filter(nominee -> nominee.employeeNumber.equals(employeeNumber)).findFirst();
    }

    /** Replaces the person's row (or drops it when empty), keeping the rows in rank order. */
    void replaceRow(String employeeNumber, RankedRow row) {
        RankedRow previous = rowOf().remove(employeeNumber);
        if (previous != null) {
            rows.remove(positionOf(previous));
        }
        if (!row.isEmpty()) {
            RankedRow scored = row.scored();
            // The order is total (it ends in the employee number), so the search never finds an equal row.
            int insertionPoint = -Collections.binarySearch(rows, scored, ServiceStarScoring.ORDER) - 1;
            rows.add(insertionPoint, scored);
            rowOf.put(employeeNumber, scored);
        }
    }

    private Map<String, RankedRow> rowOf() {
        if (rowOf == null) {
            rowOf = new HashMap<>();
            rows.forEach(row -> rowOf.put(row.getEmployeeNumber(), row));
        }
        return rowOf;
    }

    /** Found by the rank order; by a walk only if the stored rows are not in the order this code ranks by. */
    private int positionOf(RankedRow row) {
        int position = Collections.binarySearch(rows, row, ServiceStarScoring.ORDER);
        return position >= 0 && rows.get(position) == row ? position : rows.indexOf(row);
    }

    String getPeriod() {
        return period;
    }

    List<RankedRow> getRows() {
        return rows;
    }

    static class Nominee {
        String employeeNumber;
        String departmentId;
        Map<ServiceStarCriterion, Integer> scores = new EnumMap<>(ServiceStarCriterion.class);
        StarStatus star = StarStatus.NOMINATED;

        Nominee() {
        }

        Nominee(String employeeNumber, String departmentId, Map<ServiceStarCriterion, Integer> scores) {
            this.employeeNumber = employeeNumber;
            this.departmentId = departmentId;
            this.scores.putAll(scores);
        }
    }
}
