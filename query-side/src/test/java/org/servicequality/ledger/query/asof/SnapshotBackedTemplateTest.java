package org.servicequality.ledger.query.asof;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A read side's collection copied from a stored snapshot when first used: one document by id, or all of it. */
class SnapshotBackedTemplateTest {

    private static final int CASES = 3_000;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    /** Reads of the read side's database: the round trips a replay makes. */
    private final AtomicInteger readSideFinds = new AtomicInteger();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent command) {
                    if (command.getCommandName().equals("find") && command.getDatabaseName().equals("read-side")) {
                        readSideFinds.incrementAndGet();
                    }
                }
            })
            .build());
    private final MongoDatabase snapshotDatabase = client.getDatabase("snapshots");
    private final StoredSnapshots store = new StoredSnapshots(snapshotDatabase, "v1");
    private final MongoCollection<Document> copied = client.getDatabase("read-side").getCollection("cases");
    private SnapshotBackedTemplate template;
    private StoredSnapshots.Snapshot snapshot;

    @BeforeEach
    void saveASnapshot() {
        MongoDatabase source = client.getDatabase("source");
        // documents of about 2 KB, so the collection spans several chunks
        String padding = "x".repeat(2_000);
        source.getCollection("cases").insertMany(IntStream.range(0, CASES).mapToObj(i -> new Document("_id", "case-" + i)
                .append("n", i).append("kind", i % 2 == 0 ? "even" : "odd").append("readModelRevision", 1L)
                .append("padding", padding)).toList());
        source.getCollection("months").insertOne(new Document("_id", "2026-07").append("complaints", 3));
        snapshot = store.save(Map.of("statistics", source), new GlobalSequenceTrackingToken(99), 100, Instant.parse("2026-07-31T00:00:00Z"));
        template = new SnapshotBackedTemplate(new SimpleMongoClientDatabaseFactory(client, "read-side"),
                new MongoTemplate(client, "converter").getConverter());
        template.copyOnUse(store.group(snapshot, "statistics"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCollectionLargerThanOneMongoDbReplyIsSavedAndCopied() {
        // a reply of the MongoDB wire protocol holds at most 48 MB; the rankings of a million events are larger
        MongoDatabase source = client.getDatabase("large");
        String megabyte = "r".repeat(1 << 20);
        for (int i = 0; i < 60; i++) {
            source.getCollection("rankings").insertOne(new Document("_id", "period-" + i).append("rows", megabyte));
        }

        StoredSnapshots.Snapshot large = store.save(Map.of("rankings", source), new GlobalSequenceTrackingToken(999), 1_000,
                Instant.parse("2026-07-31T00:00:00Z"));
        SnapshotBackedTemplate rankings = new SnapshotBackedTemplate(new SimpleMongoClientDatabaseFactory(client, "rankings-read-side"),
                new MongoTemplate(client, "converter").getConverter());
        rankings.copyOnUse(store.group(large, "rankings"));

        assertThat(rankings.count(new Query(), "rankings")).isEqualTo(60);
    }

    @Test
    void aReadByIdCopiesThatDocumentAlone() {
        assertThat(snapshotDatabase.getCollection("as_of_snapshot_chunks").countDocuments(Filters.eq("collection", "cases")))
                .as("chunks of the cases").isGreaterThan(1);

        assertThat(template.findById("case-1234", Document.class, "cases")).containsEntry("n", 1234);
        assertThat(template.findById("case-1234", Document.class, "cases")).containsEntry("n", 1234);
        assertThat(template.findById("no-such-case", Document.class, "cases")).isNull();

        assertThat(copied.countDocuments()).isEqualTo(1);
        assertThat(template.copied()).containsExactly(1L, 0L);
    }

    @Test
    void aReadOfAnIdNeitherInTheSnapshotNorWrittenSinceAsksTheDatabaseNothing() {
        assertThat(template.findById("case-new", Document.class, "cases")).isNull();
        assertThat(template.findById("2026-08", Document.class, "months")).isNull();
        assertThat(template.findById("anything", Document.class, "a_collection_the_snapshot_lacks")).isNull();
        assertThat(readSideFinds).hasValue(0);

        template.bulkOps(BulkOperations.BulkMode.UNORDERED, "cases")
                .replaceOne(query(where("_id").is("case-new")), new Document("_id", "case-new").append("n", -1),
                        FindAndReplaceOptions.options().upsert())
                .execute();

        assertThat(template.findById("case-new", Document.class, "cases")).containsEntry("n", -1);
        assertThat(template.findById("case-12", Document.class, "cases")).containsEntry("n", 12);
        assertThat(readSideFinds).hasValue(2);
    }

    @Test
    void aCollectionReachedAnyOtherWayIsAskedForEveryId() {
        template.insert(new Document("_id", "inserted").append("n", -2), "cases");
        copied.insertOne(new Document("_id", "written-beside").append("n", -3));

        assertThat(template.findById("inserted", Document.class, "cases")).containsEntry("n", -2);
        assertThat(template.findById("written-beside", Document.class, "cases")).containsEntry("n", -3);
    }

    @Test
    void aDatabaseFilledElsewhereIsAskedForEveryId() {
        template.forgetSnapshot();
        template.filledElsewhere();
        client.getDatabase("read-side").getCollection("months").insertOne(new Document("_id", "2026-09").append("complaints", 9));

        assertThat(template.findById("2026-09", Document.class, "months")).containsEntry("complaints", 9);
    }

    @Test
    void aDroppedDatabaseIsKnownEmptyAgain() {
        template.insert(new Document("_id", "inserted"), "cases");
        template.getDb().drop();
        template.forgetSnapshot();
        readSideFinds.set(0);

        assertThat(template.findById("inserted", Document.class, "cases")).isNull();
        assertThat(readSideFinds).hasValue(0);
    }

    @Test
    void aBulkReplacementByIdCopiesThatDocumentAndReplacesIt() {
        template.bulkOps(BulkOperations.BulkMode.UNORDERED, "cases")
                .replaceOne(query(where("_id").is("case-5").and("readModelRevision").is(1L)),
                        new Document("_id", "case-5").append("n", 50).append("kind", "odd").append("readModelRevision", 2L))
                .execute();

        assertThat(copied.find().into(new java.util.ArrayList<>())).singleElement().satisfies(document ->
                assertThat(document).containsEntry("n", 50).containsEntry("readModelRevision", 2L));
    }

    @Test
    void anyOtherReadSeesTheWholeCollectionWithTheChangesMadeSince() {
        template.findById("case-7", Document.class, "cases");
        copied.updateOne(Filters.eq("_id", "case-7"), Updates.set("n", 700));
        copied.insertOne(new Document("_id", "case-new").append("n", -1).append("kind", "odd"));

        var odd = template.find(query(where("kind").is("odd")).with(Sort.by("n")), Document.class, "cases");

        assertThat(odd).hasSize(CASES / 2 + 1);
        assertThat(odd).filteredOn(document -> document.get("_id").equals("case-7")).singleElement()
                .satisfies(document -> assertThat(document).containsEntry("n", 700));
        assertThat(template.count(new Query(), "cases")).isEqualTo(CASES + 1);
        assertThat(template.copied()).containsExactly(1L, CASES - 1L);
        assertThat(template.findById("2026-07", Document.class, "months")).containsEntry("complaints", 3);
    }

    @Test
    void indexOperationsCopyNothing() {
        template.indexOps("cases").ensureIndex(new Index("kind", Sort.Direction.ASC));

        assertThat(copied.countDocuments()).isZero();
    }

    @Test
    void aDamagedChunkIsNeverServedAndItsSnapshotIsDeleted() {
        MongoCollection<Document> chunks = snapshotDatabase.getCollection("as_of_snapshot_chunks");
        for (Document chunk : chunks.find(Filters.eq("collection", "cases"))) {
            byte[] data = chunk.get("data", Binary.class).getData();
            data[data.length / 2] ^= 0x5a;
            chunks.updateOne(Filters.eq("_id", chunk.get("_id")), Updates.set("data", new Binary(data)));
        }

        assertThatThrownBy(() -> template.findById("case-1", Document.class, "cases"))
                .isInstanceOf(StoredSnapshots.DamagedSnapshotException.class);
        assertThat(copied.countDocuments()).isZero();
        assertThat(store.latest()).isEmpty();
    }
}
