package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.DbCallback;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.servicequality.ledger.query.projection.KnownAbsentIds;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The MongoDB template of one processing group of an as-of read side that starts from a stored snapshot without
 * copying the snapshot first (docs/audit.md, "Snapshots"). At a million events the department statistics hold about
 * 230,000 documents, one per complaint and finding, and copying them all cost a request tens of seconds, while the
 * replay after the snapshot touches a few thousand and the board reads none of them.
 *
 * <p>So a collection is copied from the snapshot on its first use, in one of two ways:
 * <ul>
 *   <li>a read by id ({@code findById}, how {@code PendingReadModelWrites} loads) and a bulk replacement by id (how it
 *   writes) copy that one document, if the snapshot holds it, found through the snapshot's id index;</li>
 *   <li>anything else that reaches the collection (a query by other fields, a count, an update by filter, an insert,
 *   raw access to the collection or the database) copies the whole collection first, except the documents already
 *   copied one by one (the read side may have changed them since).</li>
 * </ul>
 * Every access to a MongoDB collection through this template is one of these: Spring's template prepares the
 * collection for every operation ({@link #prepareCollection}), and the two by-id paths are marked while they run.
 * A document is therefore never answered from an incomplete collection, and what a query sees is what a full copy
 * would have shown.
 *
 * <p>The template also knows which documents a collection cannot hold, so a replay's reads of documents not stored yet
 * (one complaint, finding or person-month per event or so) make no round trip to the private MongoDB; they were about
 * a third of an as-of fill. Its database starts empty and only this template writes it: a collection may hold what the
 * snapshot holds (a read by id copies that first) and what was written through a bulk replacement by id since
 * ({@link KnownAbsentIds}). A read by id of any other id finds nothing without asking. A collection
 * reached any other way (an insert, an update by filter, raw access) is asked for every id from then on, and so is the
 * whole database once it was filled from outside ({@link #filledElsewhere}).
 */
final class SnapshotBackedTemplate extends MongoTemplate {

    /** Ids a collection takes before its filter answers "perhaps" more often than 1 in 50 for an id never written. */
    private static final int IDS_PER_FILTER = 1 << 17;

    /** Set while a by-id read or a bulk write by id runs: its collection needs no full copy. */
    private final ThreadLocal<Boolean> byId = new ThreadLocal<>();
    private volatile Pending pending;
    /** The ids replaced by id since the database was empty, per collection not reached otherwise. */
    private final KnownAbsentIds replacedIds = new KnownAbsentIds(IDS_PER_FILTER, true);
    /** Once set, until the database is dropped, every read by id asks the database. */
    private boolean askEveryId;

    /** The snapshot group still to be copied from, and the ids of each collection already looked up in it. */
    private static final class Pending {
        private final StoredSnapshots.Group source;
        private final Set<String> collections;
        private final Map<String, Set<String>> lookedUp = new HashMap<>();
        private long copiedById;
        private long copiedWhole;

        private Pending(StoredSnapshots.Group source) {
            this.source = source;
            this.collections = new LinkedHashSet<>(source.collections());
        }
    }

    SnapshotBackedTemplate(MongoDatabaseFactory database, MongoConverter converter) {
        super(database, converter);
    }

    /** The group's (empty) database is to be read as if it held the snapshot's documents. */
    synchronized void copyOnUse(StoredSnapshots.Group source) {
        pending = new Pending(source);
    }

    /** Documents copied so far, one by one and with their whole collections. */
    synchronized long[] copied() {
        Pending now = pending;
        return now == null ? new long[]{0, 0} : new long[]{now.copiedById, now.copiedWhole};
    }

    /** Lets go of the decompressed chunks kept for lookups by id: the replay that needed them is done. */
    synchronized void releaseChunks() {
        if (pending != null) {
            pending.source.release();
        }
    }

    /** Forgets the snapshot and every id written: the database was dropped. */
    synchronized void forgetSnapshot() {
        pending = null;
        replacedIds.forgetAll();
        askEveryId = false;
    }

    /** Documents reached the database other than through this template: every read by id asks the database. */
    synchronized void filledElsewhere() {
        askEveryId = true;
    }

    @Override
    public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
        if (!(id instanceof String key)) {
            reachedOtherwise(collectionName);
        } else {
            copyOne(collectionName, key);
            if (certainlyAbsent(collectionName, key)) {
                return null;
            }
        }
        return byId(() -> super.findById(id, entityClass, collectionName));
    }

    @Override
    public BulkOperations bulkOps(BulkOperations.BulkMode mode, Class<?> entityType, String collectionName) {
        BulkOperations bulk = super.bulkOps(mode, entityType, collectionName);
        return (BulkOperations) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{BulkOperations.class},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return invoke(bulk, method, arguments);
                    }
                    if (method.getName().equals("execute")) {
                        return byId(() -> invoke(bulk, method, arguments));
                    }
                    if (method.getName().equals("replaceOne") && arguments[0] instanceof Query query
                            && query.getQueryObject().get("_id") instanceof String key) {
                        copyOne(collectionName, key);
                        replacedIds.writing(collectionName, key);
                    } else {
                        reachedOtherwise(collectionName);
                    }
                    Object result = invoke(bulk, method, arguments);
                    return result == bulk ? proxy : result;
                });
    }

    /** Index operations read no documents. */
    @Override
    public IndexOperations indexOps(String collectionName, Class<?> type) {
        IndexOperations indexes = super.indexOps(collectionName, type);
        return (IndexOperations) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{IndexOperations.class},
                (proxy, method, arguments) -> byId(() -> invoke(indexes, method, arguments)));
    }

    @Override
    protected MongoCollection<Document> prepareCollection(MongoCollection<Document> collection) {
        if (!Boolean.TRUE.equals(byId.get())) {
            reachedOtherwise(collection.getNamespace().getCollectionName());
        }
        return super.prepareCollection(collection);
    }

    @Override
    public MongoCollection<Document> getCollection(String collectionName) {
        if (!Boolean.TRUE.equals(byId.get())) {
            reachedOtherwise(collectionName);
        }
        return byId(() -> super.getCollection(collectionName));
    }

    @Override
    public <T> T execute(DbCallback<T> action) {
        if (!Boolean.TRUE.equals(byId.get())) {
            databaseReachedOtherwise();
        }
        return super.execute(action);
    }

    @Override
    public MongoDatabase getDb() {
        databaseReachedOtherwise();
        return super.getDb();
    }

    private synchronized void copyOne(String collection, String id) {
        Pending now = pending;
        if (now == null || !now.collections.contains(collection) || !now.lookedUp.computeIfAbsent(collection, c -> new HashSet<>()).add(id)) {
            return;
        }
        now.source.find(collection, id).ifPresent(document -> {
            replacedIds.writing(collection, id);
            rawCollection(collection).insertOne(document);
            now.copiedById++;
        });
    }

    private synchronized boolean certainlyAbsent(String collection, String id) {
        // the database was made empty for this template: a collection it has not seen holds nothing
        return !askEveryId && replacedIds.certainlyAbsent(collection, id, () -> true);
    }

    /** Copies the whole collection if it is still to be copied, and asks it for every id from now on. */
    private synchronized void reachedOtherwise(String collection) {
        copyWhole(collection);
        replacedIds.stopKnowing(collection);
    }

    private synchronized void databaseReachedOtherwise() {
        Pending now = pending;
        if (now != null) {
            for (String collection : Set.copyOf(now.collections)) {
                copyWhole(collection);
            }
        }
        askEveryId = true;
    }

    private synchronized void copyWhole(String collection) {
        Pending now = pending;
        if (now == null || !now.collections.contains(collection)) {
            return;
        }
        Set<String> lookedUp = now.lookedUp.getOrDefault(collection, Set.of());
        // the documents looked up one by one are in the database already, possibly changed since, or not in the snapshot
        now.copiedWhole += now.source.restore(collection, rawCollection(collection), lookedUp::contains);
        now.collections.remove(collection);
        now.lookedUp.remove(collection);
    }

    private MongoCollection<RawBsonDocument> rawCollection(String collection) {
        return super.doGetDatabase().getCollection(collection, RawBsonDocument.class);
    }

    private <T> T byId(Supplier<T> operation) {
        Boolean outer = byId.get();
        byId.set(Boolean.TRUE);
        try {
            return operation.get();
        } finally {
            if (outer == null) {
                byId.remove();
            } else {
                byId.set(outer);
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
