package org.servicequality.ledger.query.board;

/** The live board has no answer yet and could not compute one in time: answered 503 with {@code Retry-After}. */
class BoardNotReadyException extends RuntimeException {

    BoardNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
