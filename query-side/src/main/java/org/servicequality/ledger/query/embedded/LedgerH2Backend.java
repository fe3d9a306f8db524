package org.servicequality.ledger.query.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.List;

/**
 * mongo-java-server's H2 backend whose unique indexes keep their keys serialized ({@link SerializedIndexKey}): the
 * stock index serialized both keys for every comparison, about a third of a replay's CPU (docs/benchmarks.md, "Found
 * and fixed" 10). Same maps, same bytes, same order on file as the stock backend, so either opens the other's files.
 * The service's embedded read-model store and the as-of read sides' scratch store both run on it.
 */
public class SerializedKeyH2Backend extends H2Backend {

    public SerializedKeyH2Backend(MVStore store) {
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
            super(databaseName, SerializedKeyH2Backend.this.getMvStore(), SerializedKeyH2Backend.this.getCursorRegistry());
        }

        /** The stock backend's map and name (H2Database.mapNameForIndex), with the key type that keeps keys serialized. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<SerializedIndexKey, Object> map = SerializedKeyH2Backend.this.getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<SerializedIndexKey, Object>()
                            .keyType(new SerializedIndexKeyType())
                            .valueType(new ObjectDataType()));
            return new SerializedKeyUniqueIndex(map, indexName, keys, sparse);
        }
    }
}
