package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-model document that knows which events it has taken in, so an event delivered again (after a crash, before
 * its batch's token was stored) changes nothing the second time.
 *
 * <p><b>The rule.</b> The document keeps the union of the tracking tokens of the events applied to it
 * ({@link AppliedEvents}: a position and the few gaps below it), and while that union has gaps, the ids of the
 * events applied meanwhile. An event is a repetition if its token's positions are all within the union, or its id
 * is remembered. Once the union has no gaps the ids are dropped; during a replay of events older than the event
 * store's gap timeout the tokens never have gaps, so no id is stored at all.
 *
 * <p><b>Why it is enough</b> (all events that change one document come through one segment of one processor, in
 * the segment's stream order: see the condition below):
 * <ul>
 *   <li><i>Nothing new is skipped.</i> A token covers every position its processor had passed when it delivered the
 *   event, and the processor had handled, and this document taken in, every event at those positions that changes
 *   it: the earlier ones of the same batch (in order), those of earlier batches (their writes reached MongoDB before
 *   their token, {@link FlushingTokenStore}), those of a batch that crashed after writing (this document holds their
 *   effect with their tokens). So an event whose token lies within the union was applied. A gap filled late is new
 *   to the union (it was a gap of every token taken in), so the late event is applied.</li>
 *   <li><i>Nothing is applied twice.</i> A redelivery starts from the stored token {@code T} and reads in
 *   global-index order, so an event {@code e} applied before (after {@code T}, with token {@code t}) comes back with
 *   a token whose index is {@code max(T.index, e's position)}, at most {@code t}'s index, which the union holds.
 *   If the union has no gaps, that is all {@code covers} asks. But the redelivered token may also take in gaps
 *   filled since (events of other documents, committed late), which the union lacks: then the token is not within
 *   the union, and the remembered id answers instead. That is why ids are kept exactly while the union has gaps.
 *   A repetition within one batch is the same token again.</li>
 * </ul>
 * A global position alone (a high-water mark) would not do: it would skip a gap filled late. Batch boundaries play no
 * part, so a batch may be of any size and a redelivered batch may end elsewhere than the first one.
 *
 * <p><b>The condition.</b> Every event that changes a document must come through the same segment: a processor with
 * one segment, or a sequencing policy by the document's key (the board: by department, staff documents by employee
 * number). Two segments are at different positions, and one's union would cover the other's events. A segment split
 * or merge keeps each key's events in one stream, so it does not break this.
 *
 * <p>The event's token is taken from the current unit of work (the processor's batch), whose message the handler is
 * handling: a document is changed only by handlers of streaming processors (or of an as-of rebuild, which feeds
 * tracked events the same way).
 */
public abstract class ReadModelDocument {

    @Id
    private String id;

    private AppliedEvents appliedEvents;

    /** Only while {@link #appliedEvents} has gaps (or left by an earlier version, which kept the last 512 ids). */
    private List<String> recentEventIds;

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
     * A query for reading documents to answer a question, without the record of applied events: only the projection
     * needs it (and documents written by an earlier version may still carry up to 512 event ids).
     */
    public static Query forAnswering(Query query) {
        query.fields().exclude("recentEventIds").exclude("appliedEvents");
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
     * Records the event being handled as applied to this document.
     *
     * @param eventId the id of the event the current unit of work is handling (a check that it is that one)
     * @return {@code true} the first time this event reaches the document, {@code false} when it was applied before
     */
    public boolean firstDelivery(String eventId) {
        AppliedEvents token = AppliedEvents.of(eventBeingHandled(eventId));
        if (appliedEvents == null) {
            appliedEvents = new AppliedEvents();
        }
        if (appliedEvents.covers(token) || recentEventIds != null && recentEventIds.contains(eventId)) {
            return false;
        }
        appliedEvents.include(token);
        if (appliedEvents.hasGaps()) {
            if (recentEventIds == null) {
                recentEventIds = new ArrayList<>();
            }
            recentEventIds.add(eventId);
        } else {
            recentEventIds = null;
        }
        return true;
    }

    private static TrackedEventMessage<?> eventBeingHandled(String eventId) {
        Message<?> message = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage() : null;
        if (message instanceof TrackedEventMessage<?> tracked && tracked.getIdentifier().equals(eventId)) {
            return tracked;
        }
        throw new IllegalStateException("Event " + eventId + " is not the tracked event of the current unit of work ("
                + (message == null ? "none" : message.getClass().getSimpleName() + " " + message.getIdentifier())
                + "): read-model documents are changed by streaming processors' handlers only");
    }

    /** The positions taken in so far, for tests and checks; {@code null} before the first event. */
    AppliedEvents appliedEvents() {
        return appliedEvents;
    }

    /** The ids kept while the positions have gaps; {@code null} when none. */
    List<String> recentEventIds() {
        return recentEventIds;
    }
}
