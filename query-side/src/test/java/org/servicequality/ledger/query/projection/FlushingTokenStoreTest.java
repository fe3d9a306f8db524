package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
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

    @Test
    void readModelWritesReachMongoBeforeTheTokenIsStored() {
        List<Long> documentsSeenWhenTokenStored = new ArrayList<>();
        FlushingTokenStore tokenStore = new FlushingTokenStore(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                documentsSeenWhenTokenStored.add(harness.mongo().getCollection("note").countDocuments());
                super.storeToken(token, processorName, segment);
            }
        });
        tokenStore.initializeTokenSegments("board", 1);

        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("anything")).execute(() -> {
            PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(harness.mongo());
            Note note = writes.load(Note.class, "n-1", () -> new Note("n-1"));
            writes.changed(note);
            assertThat(harness.mongo().getCollection("note").countDocuments()).isZero();
            // A tracking processor stores the batch's token from a prepare-commit hook, in the same unit of work.
            tokenStore.storeToken(new GlobalSequenceTrackingToken(1), "board", 0);
        });

        assertThat(documentsSeenWhenTokenStored).containsExactly(1L);
    }

    @Test
    void aDocumentIsRememberedAsAppliedOnlyOncePerEvent() {
        Note note = new Note("n-1");
        assertThat(note.firstDelivery("e-1")).isTrue();
        assertThat(note.firstDelivery("e-1")).isFalse();
        for (int i = 0; i < ReadModelDocument.REMEMBERED_EVENTS; i++) {
            note.firstDelivery("other-" + i);
        }
        // Events older than the remembered window are forgotten; redelivery never reaches that far back.
        assertThat(note.firstDelivery("e-1")).isTrue();
    }
}
