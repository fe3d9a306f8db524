package org.servicequality.ledger.command.award;

import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;

final class Periods {

    private Periods() {
    }

    /** A period as written in a URL or a request body, or a 400 naming the field. */
    static Period parse(String text, String field) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw CommandRejectedException.invalid("period.malformed", field, malformed.getMessage());
        }
    }
}
