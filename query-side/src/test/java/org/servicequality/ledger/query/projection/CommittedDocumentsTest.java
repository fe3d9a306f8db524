package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Documents kept between batches: kept after a commit, forgotten when the batch fails or the collection is dropped,
 * never replaced by an older revision, bounded. "Behind the projection's back" writes stand for what a kept document
 * would hide, to show where a document came from; in the ledger only the processors write these collections.
 */
class CommittedDocumentsTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final MongoTemplate mongo = new GenerationalMongoTemplate(harness.mongo().getMongoDatabaseFactory(),
            harness.mongo().getConverter(), new ReadModelGenerations(harness.mongo().getMongoDatabaseFactory(), "none.such"));
    private final AtomicLong position = new AtomicLong();

    CommittedDocumentsTest() {
        PendingReadModelWrites.keepCommittedDocuments(mongo, 100);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    static class Counter extends ReadModelDocument {
        int count;

        Counter() {
        }

        Counter(String id) {
            super(id);
        }
    }

    /** One batch of one event that counts on the counter {@code id}; {@code fail} makes the batch fail after counting. */
    private void count(String id, boolean fail) {
        String eventId = "e-" + position.incrementAndGet();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(ProjectionHarness.tracked(
                new GenericEventMessage<>(eventId, id, Map.of(), Instant.EPOCH), position.get()));
        batch.execute(() -> {
            PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(mongo);
            Counter counter = writes.load(Counter.class, id, () -> new Counter(id));
            if (counter.firstDelivery(eventId)) {
                counter.count++;
                writes.changed(counter);
            }
            if (fail) {
                throw new IllegalStateException("the batch fails");
            }
        });
    }

    private void setBehindTheProjectionsBack(String id, int count) {
        mongo.getCollection("counter").updateOne(new Document("_id", id), new Document("$set", new Document("count", count)));
    }

    private int stored(String id) {
        return mongo.getCollection("counter").find(new Document("_id", id)).first().getInteger("count");
    }

    @Test
    void theNextBatchWorksOnTheDocumentTheLastOneCommittedWithoutReadingIt() {
        count("c-1", false);
        setBehindTheProjectionsBack("c-1", 40);

        count("c-1", false);

        assertThat(stored("c-1")).as("counted on the kept document (1), not on the stored one (40)").isEqualTo(2);
        assertThat(PendingReadModelWrites.committedDocumentsKept(mongo)).isEqualTo(1);
    }

    @Test
    void aFailedBatchLeavesNothingKeptAndItsChangesAreForgotten() {
        count("c-1", false);

        assertThat(catchThrowable(() -> count("c-1", true))).hasMessageContaining("the batch fails");
        assertThat(PendingReadModelWrites.committedDocumentsKept(mongo)).isZero();
        setBehindTheProjectionsBack("c-1", 40);
        count("c-1", false);

        assertThat(stored("c-1")).as("read again from MongoDB, without the failed batch's count").isEqualTo(41);
    }

    @Test
    void droppingACollectionForgetsItsDocuments() {
        count("c-1", false);

        mongo.dropCollection(Counter.class);
        count("c-1", false);

        assertThat(stored("c-1")).as("counted afresh, not on the dropped collection's document").isEqualTo(1);
    }

    @Test
    void afterADropADocumentWrittenSinceIsReadAgainWhenNotKept() {
        mongo.dropCollection(Counter.class);
        count("c-1", false);
        assertThat(catchThrowable(() -> count("c-1", true))).hasMessageContaining("the batch fails");

        setBehindTheProjectionsBack("c-1", 40);
        count("c-1", false);

        assertThat(stored("c-1")).as("written since the drop, so read from MongoDB").isEqualTo(41);
    }

    @Test
    void afterADropAnIdNeverWrittenIsNotReadAndADocumentStoredBehindItsBackIsReadAfterTheConflict() {
        mongo.dropCollection(Counter.class);
        mongo.getCollection("counter").insertOne(new Document("_id", "c-2").append("count", 40).append("readModelRevision", 1L));

        assertThat(catchThrowable(() -> count("c-2", false)))
                .as("taken for absent without a read, so created afresh, which the unique index refuses")
                .isInstanceOf(PendingReadModelWrites.ConcurrentReadModelWriteException.class);
        count("c-2", false);

        assertThat(stored("c-2")).as("read from MongoDB once the collection is no longer known").isEqualTo(41);
    }

    @Test
    void aCollectionIsKnownToLackAnIdOnlyIfItWasEmptyOrDroppedAndTheIdWasNotWrittenSince() {
        CommittedDocuments documents = new CommittedDocuments(10);
        CommittedDocuments.Key found = new CommittedDocuments.Key("counter", "c-1");
        CommittedDocuments.Key unwritten = new CommittedDocuments.Key("counter", "c-2");

        assertThat(documents.certainlyAbsent(new CommittedDocuments.Key("holding", "c-1"), () -> false)).isFalse();
        assertThat(documents.certainlyAbsent(found, () -> true)).isTrue();
        assertThat(documents.certainlyAbsent(found, () -> false)).as("asked once per collection").isTrue();

        documents.writing(found);
        assertThat(documents.certainlyAbsent(found, () -> true)).isFalse();
        assertThat(documents.certainlyAbsent(unwritten, () -> true)).isTrue();

        documents.stopKnowingAbsent("counter");
        assertThat(documents.certainlyAbsent(unwritten, () -> true)).isFalse();
        documents.forgetCollection("counter");
        assertThat(documents.certainlyAbsent(unwritten, () -> false)).as("dropped: empty again").isTrue();

        documents.writing(new CommittedDocuments.Key("written-first", "c-1"));
        assertThat(documents.certainlyAbsent(new CommittedDocuments.Key("written-first", "c-2"), () -> true))
                .as("written before anyone asked: it cannot be known").isFalse();
    }

    @Test
    void anOlderRevisionDoesNotReplaceANewerOne() {
        CommittedDocuments documents = new CommittedDocuments(10);
        CommittedDocuments.Key key = new CommittedDocuments.Key("counter", "c-1");
        Counter newer = new Counter("c-1");
        newer.nextRevision();
        newer.nextRevision();
        Counter older = new Counter("c-1");
        older.nextRevision();

        documents.put(key, newer);
        documents.put(key, older);

        assertThat(documents.take(key)).isSameAs(newer);
        assertThat(documents.take(key)).as("taken: the caller's alone").isNull();
    }

    @Test
    void theLeastRecentlyUsedDocumentsGoFirst() {
        CommittedDocuments documents = new CommittedDocuments(2);
        for (String id : new String[]{"a", "b", "c"}) {
            documents.put(new CommittedDocuments.Key("counter", id), new Counter(id));
        }

        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.take(new CommittedDocuments.Key("counter", "a"))).isNull();
        assertThat(documents.take(new CommittedDocuments.Key("counter", "c"))).isNotNull();
    }
}
