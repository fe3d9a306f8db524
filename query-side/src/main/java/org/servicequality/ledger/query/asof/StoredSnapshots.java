package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonBinaryReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Read-model snapshots of the as-of read side (docs/audit.md, "Snapshots"): every document of a private read side at
 * one position of the event store, kept in a MongoDB database of their own so they survive a restart.
 *
 * <p>A snapshot is chunks (the raw BSON of documents of one collection, concatenated and compressed), per processing
 * group an id index ({@link IdIndex}: which chunk holds which document) and, written last, a manifest naming the
 * position (the tracking token after its last event), the latest timestamp among the events it covers, and per group
 * the collection and SHA-256 of each chunk and the SHA-256 of the id index. Every chunk is fetched by its {@code _id}
 * (the one index the embedded MongoDB answers) and checked when it is read, so a read side can restore one collection,
 * or one document, without reading the rest. A snapshot without its manifest (the process died while saving) is never
 * found; one whose chunk does not match its digest is deleted rather than served. Every snapshot carries the version of
 * the read-side code that made it ({@link #codeVersion()}): a snapshot made by other projection code or other event
 * classes is never used and is deleted.
 */
final class StoredSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(StoredSnapshots.class);
    private static final String MANIFESTS = "as_of_snapshots";
    private static final String CHUNKS = "as_of_snapshot_chunks";
    /** Uncompressed bytes per chunk, well under MongoDB's 16 MB document limit once compressed. */
    private static final int CHUNK_BYTES = 4 << 20;
    /**
     * Documents asked for per reply when a read side is saved. A MongoDB server keeps each reply under the wire
     * protocol's 48 MB; the embedded one sends as many documents as asked for, by default all of them, and a
     * million events' rankings (a period's document holds every person's row) made a reply the driver refused
     * (docs/benchmarks.md, "Found and fixed" 12). Sixteen documents of up to 3 MB fit in one reply.
     */
    private static final int DOCUMENTS_PER_REPLY = 16;
    /** Raise when the way snapshots are written changes, so older ones are dropped. */
    private static final String FORMAT = "2";
    /** Whatever shapes the read models: the projections and their documents, the events and their payloads. */
    private static final List<String> READ_SIDE_CODE = List.of(
            "classpath*:org/servicequality/ledger/query/**/*.class", "classpath*:org/servicequality/ledger/api/**/*.class");

    /** What a snapshot covers: the position after its last event, and the latest timestamp of any event it holds. */
    record Snapshot(String id, TrackingToken position, long events, Instant latestEventTimestamp) {
    }

    private final MongoCollection<Document> manifests;
    private final MongoCollection<Document> chunks;
    private final String version;
    private boolean orphansDeleted;

    StoredSnapshots(MongoDatabase database, String version) {
        this.manifests = database.getCollection(MANIFESTS);
        this.chunks = database.getCollection(CHUNKS);
        this.version = version;
    }

    /**
     * A digest of the class files of the read side and the published events: a changed projection, document,
     * event or upcaster-visible payload makes every older snapshot unusable without anyone having to remember it.
     */
    static String codeVersion() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT.getBytes());
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(StoredSnapshots.class.getClassLoader());
            List<Resource> classes = new ArrayList<>();
            for (String pattern : READ_SIDE_CODE) {
                classes.addAll(Arrays.asList(resolver.getResources(pattern)));
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("The read side's classes are not found on the class path (" + READ_SIDE_CODE
                        + "): as-of snapshots could not tell which code made them");
            }
            classes.sort(Comparator.comparing(StoredSnapshots::pathOf));
            for (Resource type : classes) {
                digest.update(pathOf(type).getBytes());
                try (InputStream bytes = type.getInputStream()) {
                    digest.update(bytes.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the read side's classes to version its snapshots", unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The path inside its package tree, the same whichever jar or directory holds it. */
    private static String pathOf(Resource type) {
        try {
            String url = type.getURL().toString();
            return url.substring(url.lastIndexOf("org/servicequality/"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The newest snapshot of this code version whose every event is stamped at or before {@code asOf}. */
    Optional<Snapshot> latestCovering(Instant asOf) {
        Document manifest = manifests.find(Filters.and(Filters.eq("version", version), Filters.lte("latestEventNanos", nanosOf(asOf))))
                .sort(Sorts.descending("events")).first();
        return Optional.ofNullable(manifest).map(StoredSnapshots::snapshotOf);
    }

    /** The snapshot covering most events, whatever its timestamp: where the next one starts from. */
    Optional<Snapshot> latest() {
        return Optional.ofNullable(manifests.find(Filters.eq("version", version)).sort(Sorts.descending("events")).first())
                .map(StoredSnapshots::snapshotOf);
    }

    /**
     * Deletes the snapshots other code versions made: they can never be used again. The chunks of saves that died before
     * their manifest are looked for once per process: that reads every chunk of every snapshot (the embedded MongoDB
     * answers no secondary index), gigabytes at a million events, and a save dies only with its process.
     */
    void deleteOtherVersions() {
        for (Document manifest : manifests.find(Filters.ne("version", version))) {
            delete(manifest.getString("_id"));
        }
        if (!orphansDeleted) {
            List<String> complete = manifests.distinct("_id", String.class).into(new ArrayList<>());
            chunks.deleteMany(Filters.nin("snapshot", complete));
            orphansDeleted = true;
        }
    }

    void delete(String id) {
        manifests.deleteOne(Filters.eq("_id", id));
        chunks.deleteMany(Filters.eq("snapshot", id));
    }

    /**
     * Saves every collection of each group's database as the snapshot at {@code position}; the manifest goes last and
     * names, per group, the collection and the digest of each chunk and the digest of the group's id index, so one
     * group, one collection or one chunk can be restored and checked without the others.
     */
    Snapshot save(Map<String, MongoDatabase> groups, TrackingToken position, long events, Instant latestEventTimestamp) {
        String id = version + "-" + events + "-" + UUID.randomUUID().toString().substring(0, 8);
        Document collections = new Document();
        Document digests = new Document();
        Document idDigests = new Document();
        for (Map.Entry<String, MongoDatabase> group : groups.entrySet()) {
            List<String> chunkCollections = new ArrayList<>();
            List<String> chunkDigests = new ArrayList<>();
            IdIndex.Builder ids = new IdIndex.Builder();
            for (String collection : group.getValue().listCollectionNames().into(new ArrayList<>())) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK_BYTES + (1 << 16));
                for (RawBsonDocument document : group.getValue().getCollection(collection, RawBsonDocument.class).find()
                        .batchSize(DOCUMENTS_PER_REPLY)) {
                    ids.add(collection, keyOf(document), chunkCollections.size());
                    ByteBuffer bytes = document.getByteBuffer().asNIO();
                    pending.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    if (pending.size() >= CHUNK_BYTES) {
                        chunkDigests.add(writeChunk(chunkId(id, group.getKey(), chunkCollections.size()), id, group.getKey(), collection,
                                compress(pending)));
                        chunkCollections.add(collection);
                    }
                }
                if (pending.size() > 0) {
                    chunkDigests.add(writeChunk(chunkId(id, group.getKey(), chunkCollections.size()), id, group.getKey(), collection,
                            compress(pending)));
                    chunkCollections.add(collection);
                }
            }
            idDigests.append(group.getKey(), writeChunk(idsId(id, group.getKey()), id, group.getKey(), null, ids.build().compressed()));
            collections.append(group.getKey(), chunkCollections);
            digests.append(group.getKey(), chunkDigests);
        }
        Document manifest = new Document("_id", id).append("version", version).append("events", events)
                .append("latestEventTimestamp", latestEventTimestamp.toString())
                .append("latestEventNanos", nanosOf(latestEventTimestamp))
                .append("collections", collections).append("sha256", digests)
                .append("idsSha256", idDigests)
                .append("savedAt", Instant.now().toString());
        manifest.putAll(encode(position));
        manifests.insertOne(manifest);
        return snapshotOf(manifest);
    }

    private static String chunkId(String snapshot, String group, int sequence) {
        return snapshot + "/" + group + "/" + sequence;
    }

    private static String idsId(String snapshot, String group) {
        return snapshot + "/" + group + "/ids";
    }

    /** The {@code _id} as the read side looks it up: the string ids of read-model documents, any other id as text. */
    static String keyOf(RawBsonDocument document) {
        BsonValue id = document.get("_id");
        if (id == null) {
            throw new DamagedSnapshotException("a document without _id");
        }
        return id.isString() ? id.asString().getValue() : id.isObjectId() ? id.asObjectId().getValue().toHexString() : id.toString();
    }

    private static byte[] compress(ByteArrayOutputStream pending) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(pending.size() / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            pending.writeTo(gzip);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        pending.reset();
        return compressed.toByteArray();
    }

    /** @return the chunk's digest */
    private String writeChunk(String chunkId, String snapshot, String group, String collection, byte[] data) {
        chunks.insertOne(new Document("_id", chunkId).append("snapshot", snapshot).append("group", group)
                .append("collection", collection).append("data", new Binary(data)));
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    /**
     * Inserts every document of one processing group of the snapshot into {@code target}, which must be empty.
     *
     * @return the number of documents restored
     * @throws DamagedSnapshotException when a chunk is missing, does not match its digest or cannot be read
     */
    long restore(Snapshot snapshot, String group, MongoDatabase target) {
        Group stored = group(snapshot, group);
        long documents = 0;
        for (String collection : stored.collections()) {
            documents += stored.restore(collection, target.getCollection(collection, RawBsonDocument.class), id -> false);
        }
        return documents;
    }

    /**
     * One processing group of a snapshot, read a chunk at a time: a whole collection, or one document found by its id
     * through the group's id index, for a read side that restores only what it reads ({@link SnapshotBackedTemplate}).
     *
     * @throws DamagedSnapshotException when the snapshot is gone or holds no such group
     */
    Group group(Snapshot snapshot, String group) {
        Document manifest = manifests.find(Filters.eq("_id", snapshot.id())).first();
        if (manifest == null) {
            throw new DamagedSnapshotException(snapshot.id() + " has been deleted");
        }
        Document collections = manifest.get("collections", Document.class);
        Document digests = manifest.get("sha256", Document.class);
        Document idDigests = manifest.get("idsSha256", Document.class);
        if (collections == null || digests == null || idDigests == null || !collections.containsKey(group)) {
            throw new DamagedSnapshotException(snapshot.id() + " holds no processing group " + group);
        }
        return new Group(snapshot.id(), group, collections.getList(group, String.class), digests.getList(group, String.class),
                idDigests.getString(group));
    }

    /** The chunk's data, checked against its digest. */
    private byte[] chunkData(String snapshot, String chunkId, String expectedDigest) {
        Document chunk = chunks.find(Filters.eq("_id", chunkId)).first();
        if (chunk == null) {
            throw new DamagedSnapshotException(snapshot + " lacks chunk " + chunkId);
        }
        byte[] data = chunk.get("data", Binary.class).getData();
        if (!HexFormat.of().formatHex(sha256().digest(data)).equals(expectedDigest)) {
            throw new DamagedSnapshotException(snapshot + " does not match its digest for chunk " + chunkId);
        }
        return data;
    }

    /** One processing group of a stored snapshot; see {@link #group}. Not thread-safe: its owner serializes the calls. */
    final class Group {

        /** Decompressed chunks kept for further lookups: the documents a replay touches cluster in recent chunks. */
        private static final int CHUNKS_KEPT = 4;

        private final String snapshot;
        private final String name;
        private final List<String> chunkCollections;
        private final List<String> chunkDigests;
        private final String idsDigest;
        private final Map<Integer, Map<String, RawBsonDocument>> kept = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Map<String, RawBsonDocument>> eldest) {
                return size() > CHUNKS_KEPT;
            }
        };
        private IdIndex ids;

        private Group(String snapshot, String name, List<String> chunkCollections, List<String> chunkDigests, String idsDigest) {
            if (chunkCollections.size() != chunkDigests.size()) {
                throw new DamagedSnapshotException(snapshot + " names " + chunkCollections.size() + " chunks of " + name + " but "
                        + chunkDigests.size() + " digests");
            }
            this.snapshot = snapshot;
            this.name = name;
            this.chunkCollections = chunkCollections;
            this.chunkDigests = chunkDigests;
            this.idsDigest = idsDigest;
        }

        String snapshotId() {
            return snapshot;
        }

        /** The collections the group holds, in the order they were saved. */
        Set<String> collections() {
            return new LinkedHashSet<>(chunkCollections);
        }

        /**
         * Inserts the collection's documents into {@code target}, except those whose id {@code skip} accepts.
         *
         * @return the number of documents inserted
         */
        long restore(String collection, MongoCollection<RawBsonDocument> target, Predicate<String> skip) {
            long documents = 0;
            for (int sequence = 0; sequence < chunkCollections.size(); sequence++) {
                if (chunkCollections.get(sequence).equals(collection)) {
                    List<RawBsonDocument> batch = documentsOf(sequence).stream().filter(document -> !skip.test(keyOf(document))).toList();
                    if (!batch.isEmpty()) {
                        target.insertMany(batch);
                    }
                    documents += batch.size();
                }
            }
            return documents;
        }

        /** The document of the collection with this id as the snapshot holds it, if it holds one. */
        Optional<RawBsonDocument> find(String collection, String id) {
            if (ids == null) {
                ids = deletedWhenDamaged(() -> IdIndex.of(chunkData(snapshot, idsId(snapshot, name), idsDigest), snapshot));
            }
            for (int sequence : ids.chunksOf(collection, id)) {
                if (sequence >= chunkCollections.size()) {
                    throw new DamagedSnapshotException(snapshot + " indexes chunk " + sequence + " of " + name + ", which it does not hold");
                }
                Map<String, RawBsonDocument> chunk = kept.get(sequence);
                if (chunk == null) {
                    chunk = new HashMap<>();
                    for (RawBsonDocument document : documentsOf(sequence)) {
                        chunk.put(keyOf(document), document);
                    }
                    kept.put(sequence, chunk);
                }
                RawBsonDocument document = chunk.get(id);
                if (document != null && chunkCollections.get(sequence).equals(collection)) {
                    return Optional.of(document);
                }
            }
            return Optional.empty();
        }

        /** Lets go of the kept chunks, once the replay that needed them is done. */
        void release() {
            kept.clear();
        }

        private List<RawBsonDocument> documentsOf(int sequence) {
            return deletedWhenDamaged(() -> documents(decompress(snapshot, chunkData(snapshot, chunkId(snapshot, name, sequence),
                    chunkDigests.get(sequence))), snapshot + "/" + name + "/" + chunkCollections.get(sequence)));
        }

        /** A damaged snapshot found while a read side copies from it on use is deleted at once, so no later one uses it. */
        private <T> T deletedWhenDamaged(Supplier<T> read) {
            try {
                return read.get();
            } catch (DamagedSnapshotException damaged) {
                LOG.warn("As-of snapshot deleted, not used: {}", damaged.getMessage());
                delete(snapshot);
                throw damaged;
            }
        }
    }

    private static byte[] decompress(String snapshot, byte[] data) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16)) {
            return gzip.readAllBytes();
        } catch (IOException damaged) {
            throw new DamagedSnapshotException(snapshot + " has an unreadable chunk: " + damaged.getMessage());
        }
    }

    private static List<RawBsonDocument> documents(byte[] documents, String where) {
        ByteBuffer buffer = ByteBuffer.wrap(documents).order(ByteOrder.LITTLE_ENDIAN);
        List<RawBsonDocument> all = new ArrayList<>();
        while (buffer.remaining() > 0) {
            int length = buffer.remaining() >= 4 ? buffer.getInt(buffer.position()) : -1;
            if (length < 5 || length > buffer.remaining()) {
                throw new DamagedSnapshotException("a document of " + where + " is cut short");
            }
            RawBsonDocument document = new RawBsonDocument(documents, buffer.position(), length);
            try (BsonBinaryReader check = new BsonBinaryReader(ByteBuffer.wrap(documents, buffer.position(), length))) {
                check.readStartDocument();
            }
            all.add(document);
            buffer.position(buffer.position() + length);
        }
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Snapshot snapshotOf(Document manifest) {
        return new Snapshot(manifest.getString("_id"), decode(manifest), manifest.getLong("events"),
                Instant.parse(manifest.getString("latestEventTimestamp")));
    }

    /** Comparable in a query, unlike MongoDB dates, to the nanosecond an event's timestamp may carry. */
    private static long nanosOf(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The tokens of the JDBC store (with the gaps it still waits for) and of Axon Server and the in-memory store. */
    static boolean storable(TrackingToken token) {
        return token instanceof GapAwareTrackingToken || token instanceof GlobalSequenceTrackingToken;
    }

    private static Document encode(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new Document("tokenType", "gap-aware").append("index", gapAware.getIndex())
                    .append("gaps", new ArrayList<>(gapAware.getGaps()));
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return new Document("tokenType", "global-sequence").append("index", global.getGlobalIndex());
        }
        throw new IllegalArgumentException("Cannot store a position of type " + token.getClass().getName());
    }

    private static TrackingToken decode(Document manifest) {
        long index = manifest.getLong("index");
        return switch (manifest.getString("tokenType")) {
            case "gap-aware" -> GapAwareTrackingToken.newInstance(index, manifest.getList("gaps", Long.class));
            case "global-sequence" -> new GlobalSequenceTrackingToken(index);
            default -> throw new DamagedSnapshotException(manifest.getString("_id") + " has an unknown position type");
        };
    }

    /** A snapshot that cannot be restored as it was saved: it is deleted and never served. */
    static final class DamagedSnapshotException extends RuntimeException {
        DamagedSnapshotException(String message) {
            super(message);
        }
    }
}
