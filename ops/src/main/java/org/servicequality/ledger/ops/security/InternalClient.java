package org.servicequality.ledger.ops.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials of clients that run inside the service and use its own HTTP API (the demo seeder, an offline
 * {@code audit replay}): a user
 * known only in memory, with a fresh random secret every start, so it can never be used from outside.
 */
public record InternalClient(String name, String password) {

    public String basicAuthorization() {
        return basic(name, password);
    }

    /** The {@code Authorization} header value of HTTP Basic. */
    public static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
