package org.servicequality.ledger.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The read-model documents a processor's batch has touched. Each document is read at most once per
 * batch (by {@code _id}) and all of them are written back in one bulk write per collection when the
 * batch commits, instead of one round trip per event.
 *
 * <p>The bulk write must reach MongoDB before the batch's tracking token does, or a crash between the
 * two would leave a token pointing past writes that were lost. {@link FlushingTokenStore} enforces that
 * order by flushing before it stores a token; the prepare-commit hook registered here covers batches
 * whose token is not stored in the same unit of work.
 *
 * <p>Where this process alone writes the read models (the embedded MongoDB), the documents a committed batch read
 * or wrote are kept for the next batches ({@link #keepCommittedDocuments}, {@link CommittedDocuments}), so a
 * document a replay touches in batch after batch is read once.
 */
public final class PendingReadModelWrites {

    private static final String RESOURCE_KEY = PendingReadModelWrites.class.getName();
    private static final String REVISION = "readModelRevision";
    /** The collections of each MongoDB (template) known to have the revision index, so it is ensured once per process. */
    private static final Map<MongoTemplate, Set<Class<?>>> REVISION_INDEXED = Collections.synchronizedMap(new WeakHashMap<>());
    /** The MongoDBs (templates) this process alone writes, with the documents their last batches committed. */
    private static final Map<MongoTemplate, CommittedDocuments> COMMITTED = Collections.synchronizedMap(new WeakHashMap<>());

    private final MongoTemplate mongo;
    private final CommittedDocuments committed;
    /** Where each document this batch loaded lives, to keep it there once the batch has committed. */
    private final Map<ReadModelDocument, CommittedDocuments.Key> keys = new IdentityHashMap<>();
    private final Map<Class<?>, Map<String, ReadModelDocument>> loaded = new HashMap<>();
    private final Map<Class<?>, Map<String, ReadModelDocument>> dirty = new LinkedHashMap<>();
    /** Documents this batch found absent and made: none stored yet, so their revision is known to be 0. */
    private final Set<ReadModelDocument> created = Collections.newSetFromMap(new IdentityHashMap<>());

    private PendingReadModelWrites(MongoTemplate mongo, CommittedDocuments committed) {
        this.mongo = mongo;
        this.committed = committed;
    }

    /** The pending writes of the current batch, created when the batch touches its first document. */
    public static PendingReadModelWrites ofCurrentBatch(MongoTemplate mongo) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE_KEY, key -> {
            PendingReadModelWrites writes = new PendingReadModelWrites(mongo, COMMITTED.get(mongo));
            batch.onPrepareCommit(unitOfWork -> writes.flush());
            if (writes.committed != null) {
                batch.afterCommit(unitOfWork -> writes.keepCommitted());
            }
            return writes;
        });
    }

    /**
     * Keeps up to {@code maximum} committed documents of this MongoDB in memory between batches. Only for a MongoDB no
     * other process writes: this process would not see another writer's changes ({@link CommittedDocuments}).
     */
    public static void keepCommittedDocuments(MongoTemplate mongo, int maximum) {
        COMMITTED.put(mongo, new CommittedDocuments(maximum));
    }

    /** Forgets the kept documents of a dropped collection. */
    static void collectionDropped(MongoTemplate mongo, String collection) {
        CommittedDocuments documents = COMMITTED.get(mongo);
        if (documents != null) {
            documents.forgetCollection(collection);
        }
    }

    /** How many documents of this MongoDB are kept between batches (for tests). */
    static int committedDocumentsKept(MongoTemplate mongo) {
        CommittedDocuments documents = COMMITTED.get(mongo);
        return documents == null ? 0 : documents.size();
    }

    /** Writes what the current batch has pending, if anything. */
    static void flushCurrentBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            PendingReadModelWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE_KEY);
            if (writes != null) {
                writes.flush();
            }
        }
    }

    /** The document with this id as the batch sees it: stored, or changed earlier in the batch, or new. */
    public <D extends ReadModelDocument> D load(Class<D> type, String id, Supplier<D> whenAbsent) {
        Map<String, ReadModelDocument> ofType = loaded.computeIfAbsent(type, t -> new HashMap<>());
        ReadModelDocument document = ofType.get(id);
        if (document == null) {
            CommittedDocuments.Key key = new CommittedDocuments.Key(mongo.getCollectionName(type), id);
            document = committed == null ? null : committed.take(key);
            if (!type.isInstance(document) && (committed == null
                    || !committed.certainlyAbsent(key, () -> mongo.getCollection(key.collection()).estimatedDocumentCount() == 0))) {
                document = mongo.findById(id, type);
            }
            if (document == null) {
                document = whenAbsent.get();
                created.add(document);
            }
            ofType.put(id, document);
            keys.put(document, key);
        }
        return type.cast(document);
    }

    /** After the batch committed: what it loaded is what MongoDB holds, except documents it made and never wrote. */
    private void keepCommitted() {
        keys.forEach((document, key) -> {
            if (!created.contains(document)) {
                committed.put(key, document);
            }
        });
    }

    /** Marks a document loaded from this batch as changed, so it is written when the batch commits. */
    public void changed(ReadModelDocument document) {
        dirty.computeIfAbsent(document.getClass(), t -> new LinkedHashMap<>()).put(document.getId(), document);
    }

    /**
     * Replaces each changed document only if its revision is still the one this batch read (a document stored before
     * revisions existed has none). Otherwise the upsert finds no match and inserts a second document with the same
     * id, which the unique {@code _id} index refuses: the batch fails and the processor handles it again, and
     * documents already written by this batch skip its events then (they remember their ids).
     *
     * <p>The condition names {@code _id} and the revision by equality, which the unique index on the two answers: the
     * embedded MongoDB scans the whole collection for a query no index answers exactly, and with one document per
     * complaint that made every write of a replay slower than the last (docs/benchmarks.md). Only a document stored
     * before revisions existed still needs the scanning condition, once.
     */
    private void flush() {
        for (Map.Entry<Class<?>, Map<String, ReadModelDocument>> entry : dirty.entrySet()) {
            ensureRevisionIndex(entry.getKey());
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, entry.getKey());
            String collection = mongo.getCollectionName(entry.getKey());
            List<ReadModelDocument> documents = new ArrayList<>(entry.getValue().values());
            for (ReadModelDocument document : documents) {
                if (committed != null) {
                    committed.writing(new CommittedDocuments.Key(collection, document.getId()));
                }
                long readRevision = document.revision();
                Criteria unchanged = readRevision == 0 && !created.remove(document)
                        ? where("_id").is(document.getId()).and(REVISION).in(0L, null)
                        : where("_id").is(document.getId()).and(REVISION).is(readRevision);
                document.nextRevision();
                bulk.replaceOne(query(unchanged), document, FindAndReplaceOptions.options().upsert());
            }
            try {
                bulk.execute();
            } catch (DuplicateKeyException | BulkOperationException concurrentWrite) {
                if (committed != null) {
                    committed.stopKnowingAbsent(collection);
                }
                throw new ConcurrentReadModelWriteException(entry.getKey(), concurrentWrite);
            }
        }
        dirty.clear();
    }

    private void ensureRevisionIndex(Class<?> type) {
        Set<Class<?>> indexed = REVISION_INDEXED.computeIfAbsent(mongo, template -> Collections.synchronizedSet(new HashSet<>()));
        if (!indexed.contains(type)) {
            mongo.indexOps(type).ensureIndex(new CompoundIndexDefinition(new Document("_id", 1).append(REVISION, 1))
                    .unique().named(REVISION));
            indexed.add(type);
        }
    }

    /** Another batch wrote one of this batch's documents after this batch read it. */
    static final class ConcurrentReadModelWriteException extends RuntimeException {
        ConcurrentReadModelWriteException(Class<?> type, RuntimeException cause) {
            super("A " + type.getSimpleName() + " document was written by another batch since this batch read it; the batch"
                    + " will be handled again. Frequent, this means the processor's sequencing policy does not keep each"
                    + " document's events in one segment.", cause);
        }
    }
}
