package org.servicequality.ledger.api.commendation;

/** Why received praise is not counted. */
public enum CommendationRejectionReason {
    /** The praise could not be confirmed with the submitter or the department. */
    UNVERIFIABLE,
    /** The same praise was already recorded. */
    DUPLICATE,
    /** It names no service given by the organisation. */
    NOT_ABOUT_SERVICE,
    /** Staff praised themselves or had it solicited. */
    SOLICITED_OR_SELF_SUBMITTED,
    /** It was recorded against the wrong department or staff. */
    MISATTRIBUTED,
    OTHER
}
