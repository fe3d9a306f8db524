package org.servicequality.ledger.api.scorecard;

import java.util.List;

/** Every department's scorecard for one period, ordered by department id. */
public record Scorecards(String period, String scoringVersion, List<DepartmentScorecard> departments) {

    public Scorecards {
        departments = List.copyOf(departments);
    }
}
