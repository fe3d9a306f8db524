package org.servicequality.ledger.query.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.List;

/**
 * mongo-java-server's H2 backend with two changes, both for speed, on the same maps as the stock backend:
 * <ul>
 *   <li>unique indexes keep their keys serialized ({@link SerializedIndexKey}): the stock index serialized both keys
 *   for every comparison, about a third of a replay's CPU (docs/benchmarks.md, "Found and fixed" 10); the same bytes
 *   in the same order on file;</li>
 *   <li>documents are stored as BSON ({@link BsonDocumentType}) rather than Java-serialized, about half of the
 *   embedded server's CPU in a replay ("Found and fixed" 13). Documents the stock backend stored are still read, but
 *   the stock backend cannot read the BSON ones.</li>
 * </ul>
 * The service's embedded read-model store and the as-of read sides' scratch store both run on it.
 */
public class LedgerH2Backend extends H2Backend {

    public LedgerH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the collections' indexes, before a field of a
     * subclass would be set, whereas the reference to the enclosing backend (and so to its store) is set first.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, LedgerH2Backend.this.getMvStore(), LedgerH2Backend.this.getCursorRegistry());
        }

        /** The stock backend's map and name (H2Database.mapNameForIndex), with the key type that keeps keys serialized. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<SerializedIndexKey, Object> map = LedgerH2Backend.this.getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<SerializedIndexKey, Object>()
                            .keyType(new SerializedIndexKeyType())
                            .valueType(new ObjectDataType()));
            return new SerializedKeyUniqueIndex(map, indexName, keys, sparse);
        }

        /** The stock backend's maps and names (H2Database.openOrCreateCollection), with documents stored as BSON. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = LedgerH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }
    }
}
