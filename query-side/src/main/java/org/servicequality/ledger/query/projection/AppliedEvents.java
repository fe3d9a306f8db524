package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The positions of the event stream a read-model document has taken in: every position up to {@code index} except
 * the {@code gaps}, the union of the tracking tokens of the events applied to it. Stored in the document (a number
 * and, rarely, a few more), it replaces the ids of the last 512 events that every document used to carry.
 * {@link ReadModelDocument} explains why it is enough.
 */
final class AppliedEvents {

    /** The highest position taken in; -1 for a document no event has changed yet. */
    private long index = -1;
    /** Positions at or below {@code index} not taken in (a gap of the stream when the tokens were made), ascending. */
    private List<Long> gaps = new ArrayList<>();

    AppliedEvents() {
    }

    /**
     * An event's tracking token as positions, or an exception naming what was delivered without a usable token. A
     * replay's token is read as the position it has reached; a token of two segments being merged as the positions
     * both have passed (its lower bound), which include the event's own: its upper bound would take in the positions
     * the segment that is ahead has passed, events of this document the other one has still to deliver.
     */
    static AppliedEvents of(TrackedEventMessage<?> event) {
        TrackingToken token = event.trackingToken() == null ? null : WrappedToken.unwrapLowerBound(event.trackingToken());
        AppliedEvents positions = new AppliedEvents();
        if (token instanceof GapAwareTrackingToken gapAware) {
            positions.index = gapAware.getIndex();
            positions.gaps = new ArrayList<>(gapAware.getGaps());
        } else if (token instanceof GlobalSequenceTrackingToken global) {
            positions.index = global.getGlobalIndex();
        } else {
            throw new IllegalStateException("Event " + event.getIdentifier() + " was delivered with tracking token " + token
                    + "; read-model documents need an event store's gap-aware or global-sequence tokens");
        }
        return positions;
    }

    /**
     * Whether every position the token has taken in was taken in here (the token's set of positions is a subset):
     * the token's index is below or at ours and not one of our gaps, and our gaps below its index are gaps of it too.
     */
    boolean covers(AppliedEvents token) {
        if (token.index > index || gaps.contains(token.index)) {
            return false;
        }
        for (Long gap : gaps) {
            if (gap >= token.index) {
                break;
            }
            if (!token.gaps.contains(gap)) {
                return false;
            }
        }
        return true;
    }

    /** Takes in the token's positions too: a position stays a gap only if neither side has taken it in. */
    void include(AppliedEvents token) {
        SortedSet<Long> union = new TreeSet<>();
        for (Long gap : gaps) {
            if (gap > token.index || token.gaps.contains(gap)) {
                union.add(gap);
            }
        }
        for (Long gap : token.gaps) {
            if (gap > index || gaps.contains(gap)) {
                union.add(gap);
            }
        }
        index = Math.max(index, token.index);
        gaps = new ArrayList<>(union);
    }

    boolean hasGaps() {
        return !gaps.isEmpty();
    }

    long index() {
        return index;
    }

    Collection<Long> gaps() {
        return gaps;
    }
}
