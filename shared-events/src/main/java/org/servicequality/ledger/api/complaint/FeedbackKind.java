package org.servicequality.ledger.api.complaint;

/** A complaint (投诉) asks for something to be put right; a suggestion (建议) proposes an improvement. */
public enum FeedbackKind {
    COMPLAINT,
    SUGGESTION
}
