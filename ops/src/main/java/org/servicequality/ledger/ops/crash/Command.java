package org.servicequality.ledger.ops.crash;

import java.util.UUID;

/**
 * One command request as the load generator sends it, with the event an acknowledgement promises.
 *
 * @param aggregateId the aggregate the event is appended to, or null when the ledger names it in the response
 * @param idField     the response field that names the new aggregate when {@code aggregateId} is null
 * @param detail      what {@link World#apply} needs beyond the event type (a staff member's department)
 * @param key         the Idempotency-Key: a command in flight when the service died is retried with it
 */
record Command(String path, String body, String eventType, String aggregateId, String idField, String detail, String key) {

    static Command on(String aggregateId, String path, String body, String eventType, String detail) {
        return new Command(path, body, eventType, aggregateId, null, detail, UUID.randomUUID().toString());
    }

    static Command creating(String path, String body, String eventType, String idField, String detail) {
        return new Command(path, body, eventType, null, idField, detail, UUID.randomUUID().toString());
    }
}
