package org.servicequality.ledger.ops.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a kill -9 right after a commit would leave: the maps as that commit wrote them. Writers insert new documents
 * (each insert touches the collection's documents and its {@code _id} index) while commits run one after another; in
 * every committed version each collection must be whole: as many index entries as documents. On the plain H2 backend
 * this failed within the first few hundred commits in every run (for example 13 documents and 19 index entries).
 */
class EmbeddedReadModelBackendTest {

    private static final int WRITERS = 4;
    private static final int INSERTS = 2_000;

    @TempDir
    Path directory;

    @Test
    void everyCommitHoldsWholeCommandsOnly() throws Exception {
        Path file = directory.resolve("readmodels.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        EmbeddedReadModelBackend backend = new EmbeddedReadModelBackend(store);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<String> tornCommits = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> cases = client.getDatabase("ledger").getCollection("cases");
            cases.insertOne(new Document("_id", "first"));
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        cases.insertOne(new Document("_id", UUID.randomUUID().toString()).append("month", "2026-11"));
                        inserted.incrementAndGet();
                    }
                }));
            }
            MVMap<Object, Object> documents = store.openMap("databases.ledger.cases");
            MVMap<Object, Object> index = store.openMap("ledger.cases._index__id_");
            for (int commit = 1; inserted.get() < INSERTS; commit++) {
                backend.commit();
                // The roots the commit took (and wrote) close the version before the one writers now work in.
                long version = store.getCurrentVersion() - 1;
                long stored = documents.openVersion(version).sizeAsLong();
                long indexed = index.openVersion(version).sizeAsLong();
                if (stored != indexed) {
                    tornCommits.add("commit " + commit + ": " + stored + " documents, " + indexed + " in the _id index");
                }
            }
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            server.shutdownNow();
        }
        assertThat(tornCommits).isEmpty();
    }

    /**
     * Writers that store no token (as-of snapshots, bulk writes) must not keep all they wrote on the heap: the store is
     * committed once a command leaves more than the bound unsaved.
     */
    @Test
    void changesNoTokenCommitsAreWrittenOnceTheyOutgrowTheBound() throws Exception {
        Path file = directory.resolve("readmodels.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        int bound = 256 << 10;
        MongoServer server = new MongoServer(new EmbeddedReadModelBackend(store, bound));
        InetSocketAddress address = server.bind();
        byte[] chunk = new byte[256 << 10];
        new java.util.Random(1).nextBytes(chunk);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> chunks = client.getDatabase("ledger-as-of-snapshots").getCollection("as_of_snapshot_chunks");
            for (int i = 0; i < 40; i++) {
                chunks.insertOne(new Document("_id", "chunk-" + i).append("data", new org.bson.types.Binary(chunk)));
                assertThat(store.getUnsavedMemory()).as("unsaved after chunk %d", i).isLessThanOrEqualTo(bound + 2 * chunk.length);
            }
            assertThat(Files.size(file)).as("written to the file").isGreaterThan(20L * chunk.length);
        } finally {
            server.shutdownNow();
        }
    }
}
