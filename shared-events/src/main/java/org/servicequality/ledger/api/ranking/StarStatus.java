package org.servicequality.ledger.api.ranking;

/** Where a ranked staff member stands in the period's Service Star round. */
public enum StarStatus {
    NOT_NOMINATED,
    NOMINATED,
    /** The award stands. */
    AWARDED,
    /** Awarded once, then withdrawn. */
    REVOKED
}
