package org.servicequality.ledger.api;

/** How grave a complaint or an inspection finding is. */
public enum Severity {
    MINOR,
    MAJOR,
    SERIOUS
}
