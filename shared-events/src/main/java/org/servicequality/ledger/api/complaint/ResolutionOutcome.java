package org.servicequality.ledger.api.complaint;

/** What the investigation of a complaint found. */
public enum ResolutionOutcome {
    SUBSTANTIATED,
    PARTLY_SUBSTANTIATED,
    NOT_SUBSTANTIATED
}
