package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlushingTokenStoreTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    @AfterEach
    void tearDown() {
        harness.close();
    }

    static class Note extends ReadModelDocument {
        Note() {
        }

        Note(String id) {
            super(id);
        }
    }

    private final List<Long> documentsSeenWhenTokenStored = new ArrayList<>();

    private FlushingTokenStore recordingTokenStore() {
        FlushingTokenStore tokenStore = new FlushingTokenStore(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                documentsSeenWhenTokenStored.add(harness.mongo().getCollection("note").countDocuments());
                super.storeToken(token, processorName, segment);
            }
        });
        tokenStore.initializeTokenSegments("board", 1);
        return tokenStore;
    }

    private void changeANote() {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(harness.mongo());
        writes.changed(writes.load(Note.class, "n-1", () -> new Note("n-1")));
        assertThat(harness.mongo().getCollection("note").countDocuments()).isZero();
    }

    @Test
    void readModelWritesReachMongoBeforeTheTokenIsStored() {
        FlushingTokenStore tokenStore = recordingTokenStore();

        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("anything")).execute(() -> {
            changeANote();
            // Without a transaction manager a tracking processor stores the batch's token from a prepare-commit hook.
            CurrentUnitOfWork.get().onPrepareCommit(batch -> tokenStore.storeToken(new GlobalSequenceTrackingToken(1), "board", 0));
        });

        assertThat(documentsSeenWhenTokenStored).containsExactly(1L);
    }

    @Test
    void aTokenStoredBeforeTheHandlersRunIsWrittenAfterTheirChanges() {
        FlushingTokenStore tokenStore = recordingTokenStore();

        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("anything")).execute(() -> {
            // With a transaction manager a tracking processor stores the token first, then runs the handlers.
            tokenStore.storeToken(new GlobalSequenceTrackingToken(1), "board", 0);
            assertThat(documentsSeenWhenTokenStored).isEmpty();
            changeANote();
        });

        assertThat(documentsSeenWhenTokenStored).containsExactly(1L);
        assertThat(tokenStore.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void aTokenStoredOutsideABatchIsStoredAtOnce() {
        FlushingTokenStore tokenStore = recordingTokenStore();

        tokenStore.storeToken(new GlobalSequenceTrackingToken(7), "board", 0);

        assertThat(tokenStore.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }
}
