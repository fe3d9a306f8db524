package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Stores a live processor's tokens under its group's active generation ({@link ReadModelGenerations#tokenName}), so
 * that after a rebuild's switch the live processor continues from the rebuild's tokens without copying them.
 */
final class GenerationalTokenStore extends ForwardingTokenStore {

    private final ReadModelGenerations generations;

    GenerationalTokenStore(TokenStore delegate, ReadModelGenerations generations) {
        super(delegate);
        this.generations = generations;
    }

    @Override
    protected String storedName(String processorName) {
        return generations.tokenNameOfProcessor(processorName);
    }
}
