package org.servicequality.ledger.query.projection;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Two batches writing one document at the same time: the later one fails instead of overwriting the earlier one. */
class PendingReadModelWritesTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ExecutorService otherSegment = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        otherSegment.shutdownNow();
        harness.close();
    }

    static class Note extends ReadModelDocument {
        Note() {
        }

        Note(String id) {
            super(id);
        }
    }

    private void apply(String eventId) {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(harness.mongo());
        Note note = writes.load(Note.class, "n-1", () -> new Note("n-1"));
        if (note.firstDelivery(eventId)) {
            writes.changed(note);
        }
    }

    private void applyInOtherSegment(String eventId) throws Exception {
        otherSegment.submit(() -> DefaultUnitOfWork.startAndGet(ProjectionHarness.event(eventId)).execute(() -> apply(eventId))).get();
    }

    private List<String> storedEventIds() {
        return harness.mongo().getCollection("note").find(new Document("_id", "n-1")).first().getList("recentEventIds", String.class);
    }

    @Test
    void aBatchThatReadADocumentBeforeAnotherBatchWroteItFailsAndSucceedsWhenHandledAgain() throws Exception {
        for (String earlier : List.of("e-0", "e-1")) {
            // Once for a document that does not exist yet, once for one that does.
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(ProjectionHarness.event("a-" + earlier));
            apply("a-" + earlier);
            applyInOtherSegment(earlier);

            Throwable failure = catchThrowable(batch::commit);

            assertThat(failure).isInstanceOf(PendingReadModelWrites.ConcurrentReadModelWriteException.class);
            assertThat(storedEventIds()).contains(earlier).doesNotContain("a-" + earlier);
            DefaultUnitOfWork.startAndGet(ProjectionHarness.event("a-" + earlier)).execute(() -> apply("a-" + earlier));
            assertThat(storedEventIds()).endsWith(earlier, "a-" + earlier);
        }
    }

    @Test
    void aDocumentWrittenBeforeRevisionsExistedIsUpdated() {
        harness.mongo().getCollection("note").insertOne(new Document("_id", "n-1").append("recentEventIds", List.of("old")));

        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("new")).execute(() -> apply("new"));

        assertThat(storedEventIds()).containsExactly("old", "new");
        assertThat(harness.mongo().getCollection("note").find().first().getLong("readModelRevision")).isEqualTo(1L);
    }

    @Test
    void theRevisionConditionHasAUniqueIndexOnIdAndRevision() {
        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("first")).execute(() -> apply("first"));
        DefaultUnitOfWork.startAndGet(ProjectionHarness.event("second")).execute(() -> apply("second"));

        assertThat(harness.mongo().indexOps(Note.class).getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("readModelRevision");
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("_id", "readModelRevision");
                });
        assertThat(storedEventIds()).containsExactly("first", "second");
    }
}
