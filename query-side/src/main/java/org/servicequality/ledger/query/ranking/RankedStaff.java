package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A staff member as the ranking sees them: where they worked when (enrolment and transfers; no name),
 * and the months and round periods in which they have something ranked, so a transfer can refresh
 * exactly the rows it moves.
 */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("ranking_staff")
class RankedStaff extends ReadModelDocument {

    private List<Assignment> assignments = new ArrayList<>();
    private SortedSet<String> months = new TreeSet<>();
    private SortedSet<String> roundPeriods = new TreeSet<>();

    RankedStaff() {
    }

    RankedStaff(String employeeNumber) {
        super(employeeNumber);
    }

    void assigned(Instant from, String departmentId, StaffRole role) {
        Assignment assignment = new Assignment(from, departmentId, role);
        if (assignments.stream().noneMatch(assignment::sameAs)) {
            assignments.add(assignment);
            assignments.sort(Comparator.comparing(a -> a.from));
        }
    }

    /** @return whether the month is new to this person's record (only then has the document changed) */
    boolean hasFactsIn(String month) {
        return months.add(month);
    }

    void nominatedIn(String period) {
        roundPeriods.add(period);
    }

    /** The assignment in force just before {@code end}; the first one if the person joined later. */
    Optional<Assignment> assignmentBefore(Instant end) {
        Assignment found = null;
        for (Assignment assignment : assignments) {
            if (found == null || assignment.from.isBefore(end)) {
                found = assignment;
            }
        }
        return Optional.ofNullable(found);
    }

    SortedSet<String> getMonths() {
        return months;
    }

    SortedSet<String> getRoundPeriods() {
        return roundPeriods;
    }

    static class Assignment {
        Instant from;
        String departmentId;
        StaffRole role;

        Assignment() {
        }

        Assignment(Instant from, String departmentId, StaffRole role) {
            this.from = from;
            this.departmentId = departmentId;
            this.role = role;
        }

        boolean sameAs(Assignment other) {
            return from.equals(other.from) && departmentId.equals(other.departmentId) && role == other.role;
        }
    }
}
