package org.servicequality.ledger.api.board;

import java.util.List;

/** Every checkpoint digest recorded in the event store, oldest first. */
public record PublishedCheckpoints(List<PublicBoard.Checkpoint> checkpoints) {

    public PublishedCheckpoints {
        checkpoints = List.copyOf(checkpoints);
    }
}
