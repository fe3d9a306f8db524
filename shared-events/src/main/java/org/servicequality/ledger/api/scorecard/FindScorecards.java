package org.servicequality.ledger.api.scorecard;

import org.servicequality.ledger.api.Period;

/** Asks for the scorecard of every registered department for one period. */
public record FindScorecards(Period period) {
}
