package org.servicequality.ledger.command;

import org.axonframework.eventhandling.GenericEventMessage;
import org.servicequality.ledger.api.CommandRejectedException;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule every aggregate applies to times that clients report (received at, replied at, conducted at...):
 * they may not lie in the future. "Now" is Axon's event clock, which aggregate test fixtures control.
 */
public final class RecordedTime {

    /** Clocks of intake terminals and of this server never agree exactly; a few minutes of lead are tolerated. */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    private RecordedTime() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Refuses (400, rule {@code time.in-future}, naming the field) a time later than now plus the tolerance. */
    public static void requireNotInFuture(Instant instant, String field) {
        if (instant.isAfter(now().plus(CLOCK_SKEW_TOLERANCE))) {
            throw CommandRejectedException.invalid("time.in-future", field, "The time " + instant + " lies in the future.");
        }
    }
}
