package org.servicequality.ledger.api.scorecard;

import java.util.List;

/** Complaints against commendations month by month, per department (ordered by id), oldest month first. */
public record MonthlyTrend(List<String> months, List<DepartmentTrend> departments) {

    public MonthlyTrend {
        months = List.copyOf(months);
        departments = List.copyOf(departments);
    }

    /** {@code complaints} and {@code commendations} hold one count per entry of {@link MonthlyTrend#months()}. */
    public record DepartmentTrend(String departmentId, List<Long> complaints, List<Long> commendations) {

        public DepartmentTrend {
            complaints = List.copyOf(complaints);
            commendations = List.copyOf(commendations);
        }
    }
}
