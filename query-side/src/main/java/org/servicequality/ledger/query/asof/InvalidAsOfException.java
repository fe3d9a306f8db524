package org.servicequality.ledger.query.asof;

/** The {@code asOf} parameter cannot be read, or names an instant that has not happened yet. */
public final class InvalidAsOfException extends RuntimeException {

    InvalidAsOfException(String message) {
        super(message);
    }
}
