package org.servicequality.ledger.ops.embedded;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.servicequality.ledger.query.projection.ForwardingTokenStore;


/**
 * Commits the embedded read-model store (mongo-java-server's H2 MVStore) after every change to a tracking
 * token, so that a token reaches the file together with the read-model writes made before it.
 *
 * <p>Left to itself the MVStore writes in the background about once a second, and that writer takes each map
 * (each collection is one) as it stands when it reaches it, one after another, not all at one instant
 * ({@code MVStore.collectChangedMapRoots}): a write that lands on the read models' map just after it was taken
 * and a token written just before the tokens' map is taken would reach the file in the wrong order (a reading
 * of the code, not a failure seen). Committing
 * here makes the order of the file the order of the writes, and a kill -9 loses at most the batch in flight
 * instead of the last second. The MVStore is opened with its background writer off.
 */
final class CommittingTokenStore extends ForwardingTokenStore {

    private final Runnable commit;

    CommittingTokenStore(TokenStore delegate, Runnable commit) {
        super(delegate);
        this.commit = commit;
    }

    @Override
    protected void changed() {
        commit.run();
    }
}
