package org.servicequality.ledger.api.complaint;

/** Why a case does not count: it stays in the record, but scores and rates leave it out. */
public enum InvalidComplaintReason {
    /** Filed in bad faith: harassment, threats, knowingly false accusations. */
    MALICIOUS,
    /** Filed in error: the wrong organisation, a misunderstanding, a test entry. */
    MISTAKEN,
    /** The same matter from the same submitter is already on record under another case. */
    DUPLICATE
}
