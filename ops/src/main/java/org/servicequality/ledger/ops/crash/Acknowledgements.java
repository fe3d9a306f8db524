package org.servicequality.ledger.ops.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generator's own record of every command the ledger acknowledged (2xx), with the event it must have
 * appended: the truth the event store is checked against after each crash.
 */
final class Acknowledgements {

    record Acknowledged(String aggregateId, String eventType) {
    }

    private final ConcurrentLinkedQueue<Acknowledged> log = new ConcurrentLinkedQueue<>();

    void add(String aggregateId, String eventType) {
        log.add(new Acknowledged(aggregateId, eventType));
    }

    /**
     * The acknowledged events the store does not hold. A store may hold more than was acknowledged (a command
     * can commit and the process die before the answer leaves), never fewer.
     */
    List<Acknowledged> missingFrom(List<StoredEvent> store) {
        Map<Acknowledged, Integer> stored = new HashMap<>();
        store.forEach(event -> stored.merge(new Acknowledged(event.aggregateIdentifier(), event.eventType()), 1, Integer::sum));
        Map<Acknowledged, Integer> acknowledged = new HashMap<>();
        log.forEach(ack -> acknowledged.merge(ack, 1, Integer::sum));
        List<Acknowledged> missing = new ArrayList<>();
        acknowledged.forEach((ack, count) -> {
            for (int i = stored.getOrDefault(ack, 0); i < count; i++) {
                missing.add(ack);
            }
        });
        return missing;
    }
}
