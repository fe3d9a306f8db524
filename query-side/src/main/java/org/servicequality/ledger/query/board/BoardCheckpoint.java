package org.servicequality.ledger.query.board;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A checkpoint digest as published on the board. The id is the last global index it covers, zero-padded, so that
 * the ids sort as the checkpoints do; the board's answer reads the newest from {@link BoardLatestCheckpoints}.
 */
@ReadModelOf(BoardProjection.PROCESSING_GROUP)
@Document("board_checkpoints")
class BoardCheckpoint extends ReadModelDocument {

    long firstGlobalIndex;
    long lastGlobalIndex;
    long eventCount;
    String merkleRoot;
    /** As recorded, to the nanosecond: MongoDB dates keep milliseconds only, and outsiders compare exact values. */
    String recordedAt;

    BoardCheckpoint() {
    }

    BoardCheckpoint(String id) {
        super(id);
    }

    BoardLatestCheckpoints.Digest digest() {
        return new BoardLatestCheckpoints.Digest(firstGlobalIndex, lastGlobalIndex, eventCount, merkleRoot, recordedAt);
    }

    static String idOf(long lastGlobalIndex) {
        return String.format("%019d", lastGlobalIndex);
    }
}
