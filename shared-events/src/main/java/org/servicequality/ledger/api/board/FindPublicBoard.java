package org.servicequality.ledger.api.board;

/** Asks for the public disclosure board: every department with its counts. */
public record FindPublicBoard() {
}
