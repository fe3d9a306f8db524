package org.servicequality.ledger.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;

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
 */
final class CommittedDocuments {

    record Key(String collection, String id) {
    }

    private final Map<Key, ReadModelDocument> documents;

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

    synchronized void forgetCollection(String collection) {
        documents.keySet().removeIf(key -> key.collection().equals(collection));
    }

    synchronized int size() {
        return documents.size();
    }
}
