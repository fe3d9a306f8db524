package org.servicequality.ledger.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Read-model documents as the last committed batch left them, kept in memory between batches so the next batch that
 * needs one does not read it again (the rankings read a person's months and periods for every event that names them;
 * the department statistics a department-month for every complaint event). Least recently used documents go first.
 *
 * <p>Only for a MongoDB this process alone writes (the embedded one, on a data directory only this process holds):
 * another writer's change would not be seen here. Within the process a kept document is right because:
 * <ul>
 *   <li>a batch <em>takes</em> a document out (no two batches share one object) and puts back what it read or wrote
 *   only after it committed; a batch that fails puts back nothing, so its half-applied changes are forgotten and the
 *   document is read again;</li>
 *   <li>what a batch puts back is what MongoDB holds: it wrote the document (the revision it wrote) or read it and
 *   did not change it (handlers mark every change, or it would not be written either); a document another batch put
 *   back meanwhile with a higher revision is kept instead;</li>
 *   <li>dropping a collection (a projection's reset, a rebuild's cleanup) forgets its documents
 *   ({@link GenerationalMongoTemplate}); documents are keyed by collection, so each rebuild generation has its own.</li>
 * </ul>
 * A stale document written again fails the revision condition and the batch is handled again from MongoDB's copy.
 *
 * <p>It also knows which documents a collection cannot hold. A replay from the first event, or a new ledger, asks
 * for one document per complaint, finding and person-month that does not exist yet, and each such read was a round
 * trip to the embedded MongoDB (about a third of the rankings' replay). A collection found empty when this process
 * first asks about it, or dropped by this process, is then known by the ids written to it since
 * ({@link KnownAbsentIds}), so no read is made for any other id. Should a write this process did not see reach the
 * collection anyway, the batch that creates its "absent" document fails on the unique index and
 * {@link #stopKnowingAbsent} makes the collection read every document again; a write to a collection not yet asked
 * about does the same.
 */
final class CommittedDocuments {

    /** Ids a collection takes before its filter answers "perhaps" more often than 1 in 50 for an id never written. */
    private static final int IDS_PER_FILTER = 1 << 19;

    record Key(String collection, String id) {
    }

    private final Map<Key, ReadModelDocument> documents;
    private final KnownAbsentIds absent = new KnownAbsentIds(IDS_PER_FILTER, false);

    CommittedDocuments(int maximum) {
        this.documents = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ReadModelDocument> eldest) {
                return size() > maximum;
            }
        };
    }

    /** The kept document, now the caller's alone; {@code null} when none is kept. */
    synchronized ReadModelDocument take(Key key) {
        return documents.remove(key);
    }

    /** Keeps a committed document unless a newer revision of it is kept already. */
    synchronized void put(Key key, ReadModelDocument document) {
        documents.merge(key, document, (kept, committed) -> committed.revision() >= kept.revision() ? committed : kept);
    }

    /** The collection was dropped: its documents are forgotten, and until something is written it holds none. */
    synchronized void forgetCollection(String collection) {
        documents.keySet().removeIf(key -> key.collection().equals(collection));
        absent.emptied(collection);
    }

    /**
     * True only if the collection holds no document with this id: it was empty when first asked about (asked once
     * per collection and process) or dropped since, and no document with this id has been written to it since.
     */
    boolean certainlyAbsent(Key key, BooleanSupplier collectionEmpty) {
        return absent.certainlyAbsent(key.collection(), key.id(), collectionEmpty);
    }

    /** Called before the document is written, so a write that fails half-way still counts as perhaps stored. */
    void writing(Key key) {
        absent.writing(key.collection(), key.id());
    }

    /** Every document of the collection is read from MongoDB again: it holds one this process did not see written. */
    void stopKnowingAbsent(String collection) {
        absent.stopKnowing(collection);
    }

    synchronized int size() {
        return documents.size();
    }
}
