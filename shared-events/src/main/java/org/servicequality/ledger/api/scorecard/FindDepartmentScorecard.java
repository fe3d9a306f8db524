package org.servicequality.ledger.api.scorecard;

import org.servicequality.ledger.api.Period;

/** Asks for one department's scorecard; answered with an empty result when no such department exists. */
public record FindDepartmentScorecard(String departmentId, Period period) {
}
