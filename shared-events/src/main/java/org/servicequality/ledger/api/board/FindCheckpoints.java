package org.servicequality.ledger.api.board;

/** Asks for every checkpoint digest published on the board, oldest first; answered with {@link PublishedCheckpoints}. */
public record FindCheckpoints() {
}
