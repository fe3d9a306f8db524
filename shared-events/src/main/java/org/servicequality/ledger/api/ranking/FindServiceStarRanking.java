package org.servicequality.ledger.api.ranking;

import org.servicequality.ledger.api.Period;

/** Asks for the Service Star ranking of a month, quarter or year; a period with no data answers with no rows. */
public record FindServiceStarRanking(Period period) {
}
