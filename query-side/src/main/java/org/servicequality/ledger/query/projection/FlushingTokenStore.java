package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;


/**
 * A token store that writes the batch's pending read-model changes before it stores the batch's token.
 * Tokens and read models share one MongoDB but not one transaction; this order means a crash can only
 * ever leave read models ahead of their token (repaired by idempotent redelivery), never behind it.
 */
class FlushingTokenStore extends ForwardingTokenStore {

    FlushingTokenStore(TokenStore delegate) {
        super(delegate);
    }

    /**
     * A tracking processor that has a transaction manager (the embedded runtime's is the event store's JDBC one)
     * stores its token at the start of a batch, before any handler runs, trusting that transaction to commit token
     * and changes together; the token store here is not in that transaction. Such a token is held back until the
     * batch commits and written after the batch's read-model changes: stored at once, a kill -9 between it and
     * the changes left the board short of the batch for ever.
     */
    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
            CurrentUnitOfWork.get().root().onPrepareCommit(batch -> flushThenStore(token, processorName, segment));
        } else {
            flushThenStore(token, processorName, segment);
        }
    }

    private void flushThenStore(TrackingToken token, String processorName, int segment) {
        PendingReadModelWrites.flushCurrentBatch();
        delegate.storeToken(token, processorName, segment);
    }
}
