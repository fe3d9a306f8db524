package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<String> applied = new ArrayList<>();

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
            note.applied.add(eventId);
            writes.changed(note);
        }
    }

    /** The event named {@code eventId} at a position of the stream, in a unit of work of its own. */
    private static DefaultUnitOfWork<?> batchOf(String eventId, long position) {
        return DefaultUnitOfWork.startAndGet(ProjectionHarness.tracked(new GenericEventMessage<>(eventId, eventId, Map.of(), Instant.EPOCH), position));
    }

    private void applyInOtherSegment(String eventId, long position) throws Exception {
        otherSegment.submit(() -> batchOf(eventId, position).execute(() -> apply(eventId))).get();
    }

    private List<String> storedEventIds() {
        return harness.mongo().getCollection("note").find(new Document("_id", "n-1")).first().getList("applied", String.class);
    }

    @Test
    void aBatchThatReadADocumentBeforeAnotherBatchWroteItFailsAndSucceedsWhenHandledAgain() throws Exception {
        long position = 0;
        for (String earlier : List.of("e-0", "e-1")) {
            // Once for a document that does not exist yet, once for one that does.
            long later = position + 2;
            DefaultUnitOfWork<?> batch = batchOf("a-" + earlier, later);
            apply("a-" + earlier);
            applyInOtherSegment(earlier, position + 1);

            Throwable failure = catchThrowable(batch::commit);

            assertThat(failure).isInstanceOf(PendingReadModelWrites.ConcurrentReadModelWriteException.class);
            assertThat(storedEventIds()).contains(earlier).doesNotContain("a-" + earlier);
            batchOf("a-" + earlier, later).execute(() -> apply("a-" + earlier));
            assertThat(storedEventIds()).endsWith(earlier, "a-" + earlier);
            position = later;
        }
    }

    @Test
    void aDocumentWrittenBeforeRevisionsExistedIsUpdated() {
        harness.mongo().getCollection("note").insertOne(new Document("_id", "n-1").append("applied", List.of("old"))
                .append("recentEventIds", List.of("old")));

        batchOf("new", 1).execute(() -> apply("new"));

        assertThat(storedEventIds()).containsExactly("old", "new");
        assertThat(harness.mongo().getCollection("note").find().first().getLong("readModelRevision")).isEqualTo(1L);
    }

    @Test
    void theRevisionConditionHasAUniqueIndexOnIdAndRevision() {
        batchOf("first", 1).execute(() -> apply("first"));
        batchOf("second", 2).execute(() -> apply("second"));

        assertThat(harness.mongo().indexOps(Note.class).getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("readModelRevision");
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("_id", "readModelRevision");
                });
        assertThat(storedEventIds()).containsExactly("first", "second");
    }
}
