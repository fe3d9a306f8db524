package org.servicequality.ledger.ops.embedded;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.List;
import java.util.Optional;

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
final class CommittingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Runnable commit;

    CommittingTokenStore(TokenStore delegate, Runnable commit) {
        this.delegate = delegate;
        this.commit = commit;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
        commit.run();
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
        commit.run();
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        commit.run();
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
        commit.run();
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
        commit.run();
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
        commit.run();
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
        commit.run();
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
