package org.servicequality.ledger.ops.embedded;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.servicequality.ledger.query.projection.ForwardingTokenStore;


/**
 * Commits the embedded read-model store (mongo-java-server's H2 MVStore) after every change to a tracking
 * token, so that a token reaches the file together with the read-model writes made before it.
 *
 * <p>Left to itself the MVStore writes in the background about once a second. Committing here makes a kill -9 lose
 * at most the batch in flight instead of the last second, and because each commit falls between whole MongoDB
 * commands ({@link EmbeddedReadModelBackend}), a token that reached the file was written after everything its batch
 * wrote, which is in the file too. The MVStore is opened with its background writer off.
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
