package org.servicequality.ledger.ops.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.servicequality.ledger.query.embedded.LedgerH2Backend;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The embedded read-model store (mongo-java-server on an H2 MVStore file) whose commits fall only between whole
 * MongoDB commands.
 *
 * <p>One command touches several MVStore maps (a collection's documents, its unique {@code _id} index, its size), and
 * an MVStore commit takes the maps one after another while other threads go on writing. A commit running beside an
 * insert could therefore put the index entry of a new document in the file without the document, or the document
 * without its index entry; killed before the next commit, the service restarted on that torn collection: a document
 * its own index did not find was created afresh, and the department statistics (many new documents per batch) lost
 * counts for good or failed the same batch again and again. Commands share the lock; a commit takes it alone.
 *
 * <p>It is committed when a tracking token changes ({@link CommittingTokenStore}), and also after any command that
 * leaves more than {@link #MAX_UNSAVED_BYTES} of changes unsaved by the MVStore's estimate (which counts a large
 * binary value at about an eighth of its size, so this is up to about 64 MB of snapshot chunks). With its background
 * writer off, an MVStore keeps every change on the heap until a commit, and writers that store no token would
 * otherwise keep all they wrote there: the as-of snapshots, saved while the processors have nothing to do (gigabytes
 * of chunks in all at a million events: docs/benchmarks.md, "Found and fixed" 9), and the benchmark's raw bulk
 * writes. Writing read-model changes ahead of their token is safe (they are applied idempotently when the batch is
 * handled again); the commit still falls between whole commands.
 *
 * <p>Its unique indexes keep their keys serialized and its documents are stored as BSON ({@link LedgerH2Backend}).
 */
final class EmbeddedReadModelBackend extends LedgerH2Backend {

    static final int MAX_UNSAVED_BYTES = 8 << 20;

    private final ReadWriteLock commandsOrCommit = new ReentrantReadWriteLock();
    private final int maxUnsavedBytes;

    EmbeddedReadModelBackend(MVStore store) {
        this(store, MAX_UNSAVED_BYTES);
    }

    EmbeddedReadModelBackend(MVStore store, int maxUnsavedBytes) {
        super(store);
        this.maxUnsavedBytes = maxUnsavedBytes;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return whole(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whole(() -> super.handleQuery(query));
    }

    @Override
    public void commit() {
        commandsOrCommit.writeLock().lock();
        try {
            super.commit();
        } finally {
            commandsOrCommit.writeLock().unlock();
        }
    }

    private <T> T whole(Supplier<T> command) {
        commandsOrCommit.readLock().lock();
        T result;
        try {
            result = command.get();
        } finally {
            commandsOrCommit.readLock().unlock();
        }
        if (getMvStore().getUnsavedMemory() > maxUnsavedBytes) {
            commit();
        }
        return result;
    }
}
