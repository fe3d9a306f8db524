package org.servicequality.ledger.query.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-model document that remembers the ids of the last events applied to it, so an event
 * delivered again after a crash (its token was not yet stored) changes nothing the second time.
 *
 * <p>Why ids and not a position: events are not always delivered in global-index order (a gap in the
 * index is filled when a slower transaction commits), so "skip everything at or below the last
 * position" would drop late events. Redelivery only ever repeats the batch whose token was not
 * stored, so remembering the last {@value #REMEMBERED_EVENTS} ids per document, more than twice the
 * largest configured batch, is enough.
 */
public abstract class ReadModelDocument {

    static final int REMEMBERED_EVENTS = 512;

    @Id
    private String id;

    private List<String> recentEventIds = new ArrayList<>();

    /**
     * Bumped on every write: a batch replaces the document only if nobody wrote it since the batch read it, so two
     * segments (or two instances) handling events of one document at once fail and retry rather than lose an update.
     */
    private long readModelRevision;

    protected ReadModelDocument() {
    }

    protected ReadModelDocument(String id) {
        this.id = id;
    }

    /**
     * A query for reading documents to answer a question, without the ids of recently applied events: only the
     * projection needs them, and at up to {@value #REMEMBERED_EVENTS} ids of 36 characters they were most of what the
     * board read (over 900 documents for one board answer with 1 million events in the store; docs/benchmarks.md).
     */
    public static Query forAnswering(Query query) {
        query.fields().exclude("recentEventIds");
        return query;
    }

    /** {@link #forAnswering(Query)} for one document. */
    public static Query byIdForAnswering(String id) {
        return forAnswering(Query.query(Criteria.where("_id").is(id)));
    }

    public String getId() {
        return id;
    }

    long revision() {
        return readModelRevision;
    }

    void nextRevision() {
        readModelRevision++;
    }

    /**
     * Records the event as applied to this document.
     *
     * @return {@code true} the first time this event id is seen, {@code false} when it was applied before
     */
    public boolean firstDelivery(String eventId) {
        if (recentEventIds.contains(eventId)) {
            return false;
        }
        recentEventIds.add(eventId);
        if (recentEventIds.size() > REMEMBERED_EVENTS) {
            recentEventIds.subList(0, recentEventIds.size() - REMEMBERED_EVENTS).clear();
        }
        return true;
    }
}
