package org.servicequality.ledger.ops.crash;

/**
 * One row of the event store as the crash harness reads it.
 *
 * @param eventType the payload's simple class name, for example {@code ComplaintFiled}
 * @param detail    for staff events, the department the staff member works in afterwards; otherwise empty
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String eventType, String detail) {
}
