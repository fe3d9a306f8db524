package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.List;
import java.util.Optional;

/**
 * A token store that forwards everything to another one; subclasses change what they must. {@link #changed()}
 * runs after every call that writes to the delegate.
 */
public abstract class ForwardingTokenStore implements TokenStore {

    protected final TokenStore delegate;

    protected ForwardingTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    /** Called after each write to the delegate; nothing by default. */
    protected void changed() {
    }

    /** The processor name the delegate knows the tokens by; the same name by default. */
    protected String storedName(String processorName) {
        return processorName;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, storedName(processorName), segment);
        changed();
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(storedName(processorName), segmentCount);
        changed();
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(storedName(processorName), segmentCount, initialToken);
        changed();
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(storedName(processorName), segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(storedName(processorName), segment);
        changed();
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(storedName(processorName), segment);
        changed();
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, storedName(processorName), segment);
        changed();
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(storedName(processorName), segment);
        changed();
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(storedName(processorName));
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(storedName(processorName));
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
