package org.servicequality.ledger.command.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last committed link of the tamper-evidence chain of recently changed aggregates, so that chaining a
 * command's events does not read the previous event back from the store. An entry names its sequence number and is
 * used only for exactly the next event: a link is immutable once committed, so an entry is never wrong, only
 * possibly not the latest (another process appended meanwhile), in which case the chain falls back to the store.
 * Bounded, least recently used first out.
 */
final class CommittedLinks {

    /** The hash of event {@code sequenceNumber} of an aggregate. */
    record Link(long sequenceNumber, String hash) {
    }

    private final Map<String, Link> links;

    CommittedLinks(int capacity) {
        this.links = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the hash of that event if it is the latest one known here for its aggregate */
    synchronized Optional<String> hashOf(String aggregateIdentifier, long sequenceNumber) {
        Link link = links.get(aggregateIdentifier);
        return link != null && link.sequenceNumber() == sequenceNumber ? Optional.of(link.hash()) : Optional.empty();
    }

    /** Records a committed link; an older one (units of work of one aggregate finishing out of order) never replaces a newer. */
    synchronized void remember(String aggregateIdentifier, Link link) {
        links.merge(aggregateIdentifier, link, (known, offered) -> offered.sequenceNumber() > known.sequenceNumber() ? offered : known);
    }
}
