package org.servicequality.ledger.query.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's unique indexes keep their keys serialized; a file written by mongo-java-server's stock H2
 * backend must stay readable and writable, its indexes included. (The stock backend cannot read this one's documents
 * back: they are BSON, {@code BsonDocumentTypeTest}.)
 */
class SerializedIndexKeyTest {

    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path directory;

    @Test
    void ordersKeysAsH2sGenericTypeDid() {
        ObjectDataType generic = new ObjectDataType();
        SerializedIndexKeyType kept = new SerializedIndexKeyType();
        Random random = new Random(8);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(random.nextBoolean()
                    ? new KeyValue(randomId(random))
                    : new KeyValue(randomId(random), random.nextInt(3)));
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(kept.compare(SerializedIndexKey.of(a), SerializedIndexKey.of(b))))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(generic.compare(a, b)));
            }
        }
    }

    @Test
    void storesWrittenByTheStockBackendStayWhole() {
        Path file = directory.resolve("readmodels.mv");
        List<String> ids = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < DOCUMENTS; i++) {
            ids.add(randomId(random) + "-" + i);
        }

        withServer(file, H2Backend::new, cases -> {
            cases.createIndex(Indexes.ascending("_id", "readModelRevision"), new IndexOptions().unique(true));
            for (String id : ids.subList(0, DOCUMENTS / 2)) {
                cases.insertOne(new Document("_id", id).append("readModelRevision", 0));
            }
        });

        withServer(file, LedgerH2Backend::new, cases -> {
            assertEveryDocumentFound(cases, ids.subList(0, DOCUMENTS / 2));
            for (String id : ids.subList(DOCUMENTS / 2, DOCUMENTS)) {
                cases.insertOne(new Document("_id", id).append("readModelRevision", 0));
            }
            for (String id : ids.subList(0, 100)) {
                cases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("readModelRevision", 0)),
                        new Document("$set", new Document("readModelRevision", 1)));
            }
            cases.deleteOne(Filters.eq("_id", ids.get(DOCUMENTS - 1)));
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", ids.get(0))))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        });

        withServer(file, LedgerH2Backend::new, cases -> {
            List<String> kept = ids.subList(0, DOCUMENTS - 1);
            assertEveryDocumentFound(cases, kept);
            assertThat(cases.countDocuments()).isEqualTo(DOCUMENTS - 1);
            assertThat(cases.find(Filters.eq("_id", ids.get(DOCUMENTS - 1))).first()).isNull();
            assertThat(cases.find(Filters.and(Filters.eq("_id", ids.get(0)), Filters.eq("readModelRevision", 1))).first()).isNotNull();
            assertThat(cases.find(Filters.and(Filters.eq("_id", ids.get(0)), Filters.eq("readModelRevision", 0))).first()).isNull();
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", ids.get(DOCUMENTS / 2))))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        });

        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            new LedgerH2Backend(store); // opens the stored databases, and so their indexes
            List<String> indexes = store.getMapNames().stream().filter(name -> name.startsWith("ledger.cases._index_")).toList();
            assertThat(indexes).hasSize(2);
            for (String index : indexes) {
                assertThat(store.openMap(index).getKeyType()).as(index).isInstanceOf(SerializedIndexKeyType.class);
            }
        }
    }

    private static void assertEveryDocumentFound(MongoCollection<Document> cases, List<String> ids) {
        for (String id : ids) {
            assertThat(cases.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
        }
        assertThat(cases.find(Filters.in("_id", ids.subList(0, 50))).into(new ArrayList<>())).hasSize(50);
    }

    private static void withServer(Path file, Function<MVStore, H2Backend> backendOnStore, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backendOnStore.apply(store));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("ledger").getCollection("cases"));
        } finally {
            server.shutdownNow();
        }
    }

    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            id.append((char) (random.nextInt(8) == 0 ? 0x80 + random.nextInt(0x2000) : 'a' + random.nextInt(26)));
        }
        return id.toString();
    }
}
