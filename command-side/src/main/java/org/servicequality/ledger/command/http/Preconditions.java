package org.servicequality.ledger.command.http;

import org.servicequality.ledger.api.CommandRejectedException;

/**
 * Optimistic concurrency over HTTP: a client that read an aggregate at version N sends
 * {@code If-Match: "N"}; the command then carries N as its expected version and is refused with 409
 * if anything was recorded since.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * @param ifMatch the raw {@code If-Match} header, or {@code null} when absent (no check)
     * @return the expected aggregate version, or {@code null} for no check
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw CommandRejectedException.invalid("if-match.malformed", "If-Match",
                "If-Match must be the aggregate version as an entity tag, for example \"3\".");
    }
}
