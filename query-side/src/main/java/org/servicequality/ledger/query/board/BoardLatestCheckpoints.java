package org.servicequality.ledger.query.board;

import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@value PublicBoard#LATEST_CHECKPOINTS} newest checkpoint digests, newest first, in one document read by
 * {@code _id}: the board shows them on every answer, and finding them among all checkpoints meant sorting the whole
 * collection (the embedded MongoDB sorts in memory; a checkpoint is recorded every hour, for years).
 *
 * <p>Kept by the checkpoints' global indexes rather than the events' ids: merging a digest twice changes nothing, and
 * the result does not depend on which segment handled which checkpoint first.
 */
@ReadModelOf(BoardProjection.PROCESSING_GROUP)
@Document("board_latest_checkpoints")
class BoardLatestCheckpoints extends ReadModelDocument {

    static final String ID = "latest";

    List<Digest> checkpoints = new ArrayList<>();

    BoardLatestCheckpoints() {
        super(ID);
    }

    /** @return whether the digest is one of the newest and was not there yet */
    boolean merge(Digest checkpoint) {
        if (checkpoints.stream().anyMatch(kept -> kept.lastGlobalIndex() == checkpoint.lastGlobalIndex())) {
            return false;
        }
        List<Digest> merged = new ArrayList<>(checkpoints);
        merged.add(checkpoint);
        merged.sort(Comparator.comparingLong(Digest::lastGlobalIndex).reversed());
        List<Digest> newest = List.copyOf(merged.subList(0, Math.min(merged.size(), PublicBoard.LATEST_CHECKPOINTS)));
        if (!newest.contains(checkpoint)) {
            return false;
        }
        checkpoints = new ArrayList<>(newest);
        return true;
    }

    /** A checkpoint digest as {@link BoardCheckpoint} stores it, without a document's bookkeeping. */
    record Digest(long firstGlobalIndex, long lastGlobalIndex, long eventCount, String merkleRoot, String recordedAt) {

        PublicBoard.Checkpoint published() {
            return new PublicBoard.Checkpoint(firstGlobalIndex, lastGlobalIndex, eventCount, merkleRoot, Instant.parse(recordedAt));
        }
    }
}
