package org.servicequality.ledger.query.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store keeps documents as BSON, and still reads what the stock backend stored. */
class BsonDocumentTypeTest {

    @TempDir
    Path directory;

    @Test
    void everyKindOfValueComesBackAsItWasStored() {
        Path file = directory.resolve("readmodels.mv");
        ObjectId objectId = new ObjectId();
        UUID uuid = UUID.randomUUID();
        org.bson.Document stored = new org.bson.Document("_id", "case-1")
                .append("readModelRevision", 3L)
                .append("count", 7)
                .append("rate", 0.25)
                .append("flag", true)
                .append("nothing", null)
                .append("text", "申诉 – ünïcode")
                .append("at", new Date(1_780_000_000_123L))
                .append("objectId", objectId)
                .append("uuid", uuid)
                .append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("list", List.of(1, "two", new org.bson.Document("three", 3L), List.of()))
                .append("nested", new org.bson.Document("deeper", new org.bson.Document("deepest", List.of(0.5))));

        withServer(file, LedgerH2Backend::new, cases -> cases.insertOne(stored));

        withServer(file, LedgerH2Backend::new, cases ->
                assertThat(cases.find(Filters.eq("_id", "case-1")).first()).isEqualTo(stored));
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            new LedgerH2Backend(store); // opens the stored databases, and so their collections
            assertThat(store.openMap("databases.ledger.cases").getValueType()).isInstanceOf(BsonDocumentType.class);
        }
    }

    @Test
    void documentsTheStockBackendStoredAreReadAndWrittenOnward() {
        Path file = directory.resolve("readmodels.mv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("case-" + i);
        }
        withServer(file, H2Backend::new, cases -> {
            for (String id : ids) {
                cases.insertOne(new org.bson.Document("_id", id).append("state", "stock").append("n", ids.indexOf(id)));
            }
        });

        withServer(file, LedgerH2Backend::new, cases -> {
            assertThat(cases.countDocuments(Filters.eq("state", "stock"))).isEqualTo(ids.size());
            cases.updateMany(Filters.lt("n", 100), new org.bson.Document("$set", new org.bson.Document("state", "bson")));
        });

        withServer(file, LedgerH2Backend::new, cases -> {
            assertThat(cases.countDocuments(Filters.eq("state", "bson"))).isEqualTo(100);
            assertThat(cases.countDocuments(Filters.eq("state", "stock"))).isEqualTo(ids.size() - 100);
            assertThat(cases.find(Filters.eq("_id", "case-250")).first()).containsEntry("n", 250);
        });
    }

    @Test
    void aDocumentIsWrittenAsItsTagAndBson() {
        BsonDocumentType type = new BsonDocumentType();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "case-1").append("count", 7);

        ByteBuffer bytes = written(type, document, document);

        assertThat(bytes.get(0)).isEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(bytes)).isEqualTo(document);
        assertThat(type.read(bytes)).as("the second, read from where the first ended").isEqualTo(document);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentCountsAtLeastTheBytesItHolds() {
        // MVStore bounds its page cache and the store its unsaved changes by this estimate
        BsonDocumentType type = new BsonDocumentType();
        de.bwaldvogel.mongo.bson.Document chunk = new de.bwaldvogel.mongo.bson.Document("_id", "chunk-1")
                .append("data", new de.bwaldvogel.mongo.bson.BinData(new byte[1 << 20]));
        de.bwaldvogel.mongo.bson.Document entry = new de.bwaldvogel.mongo.bson.Document("_id", "BENCH-001")
                .append("rectifications", java.util.stream.IntStream.range(0, 1_000).mapToObj(i ->
                        new de.bwaldvogel.mongo.bson.Document("id", "rectification-" + i).append("due", "2026-11-30")).toList());

        assertThat(type.getMemory(chunk)).isGreaterThan(1 << 20);
        assertThat(type.getMemory(entry)).isGreaterThan(1_000 * ("rectification-000".length() + "2026-11-30".length()));
    }

    @Test
    void aDocumentBsonCannotHoldIsStoredAsTheStockTypeStoresIt() {
        BsonDocumentType type = new BsonDocumentType();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "odd").append("ratio", 0.5f);

        ByteBuffer bytes = written(type, document);

        assertThat(bytes.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(bytes)).isEqualTo(document);
    }

    private static ByteBuffer written(BsonDocumentType type, de.bwaldvogel.mongo.bson.Document... documents) {
        WriteBuffer buffer = new WriteBuffer();
        for (de.bwaldvogel.mongo.bson.Document document : documents) {
            type.write(buffer, document);
        }
        return buffer.getBuffer().flip();
    }

    private static void withServer(Path file, Function<MVStore, H2Backend> backendOnStore, Consumer<MongoCollection<org.bson.Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backendOnStore.apply(store));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?uuidRepresentation=standard")) {
            work.accept(client.getDatabase("ledger").getCollection("cases"));
        } finally {
            server.shutdownNow();
        }
    }
}
