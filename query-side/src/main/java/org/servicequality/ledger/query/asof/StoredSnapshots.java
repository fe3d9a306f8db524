package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonBinaryReader;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Read-model snapshots of the as-of read side (docs/audit.md, "Snapshots"): every document of a private read side at
 * one position of the event store, kept in a MongoDB database of their own so they survive a restart.
 *
 * <p>A snapshot is two kinds of documents: chunks (the raw BSON of the documents of one collection, concatenated and
 * compressed) and, written last, a manifest naming the position (the tracking token after its last event), the
 * latest timestamp among the events it covers, the number of chunks and a SHA-256 over them. A snapshot without its
 * manifest (the process died while saving) is never found; one whose chunks do not match the digest is deleted
 * rather than served. Every snapshot carries the version of the read-side code that made it ({@link #codeVersion()}):
 * a snapshot made by other projection code or other event classes is never used and is deleted.
 */
final class StoredSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(StoredSnapshots.class);
    private static final String MANIFESTS = "as_of_snapshots";
    private static final String CHUNKS = "as_of_snapshot_chunks";
    /** Uncompressed bytes per chunk, well under MongoDB's 16 MB document limit once compressed. */
    private static final int CHUNK_BYTES = 4 << 20;
    /** Raise when the way snapshots are written changes, so older ones are dropped. */
    private static final String FORMAT = "1";
    /** Whatever shapes the read models: the projections and their documents, the events and their payloads. */
    private static final List<String> READ_SIDE_CODE = List.of(
            "classpath*:org/servicequality/ledger/query/**/*.class", "classpath*:org/servicequality/ledger/api/**/*.class");

    /** What a snapshot covers: the position after its last event, and the latest timestamp of any event it holds. */
    record Snapshot(String id, TrackingToken position, long events, Instant latestEventTimestamp) {
    }

    private final MongoCollection<Document> manifests;
    private final MongoCollection<Document> chunks;
    private final String version;

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

    /** Deletes the snapshots other code versions made: they can never be used again. */
    void deleteOtherVersions() {
        for (Document manifest : manifests.find(Filters.ne("version", version))) {
            delete(manifest.getString("_id"));
        }
        // chunks left by a save that died before its manifest
        List<String> complete = manifests.distinct("_id", String.class).into(new ArrayList<>());
        chunks.deleteMany(Filters.nin("snapshot", complete));
    }

    void delete(String id) {
        manifests.deleteOne(Filters.eq("_id", id));
        chunks.deleteMany(Filters.eq("snapshot", id));
    }

    /**
     * Saves every collection of each group's database as the snapshot at {@code position}; the manifest goes last and
     * names each group's chunk count and digest, so one group can be restored and checked without the others.
     */
    Snapshot save(Map<String, MongoDatabase> groups, TrackingToken position, long events, Instant latestEventTimestamp) {
        String id = version + "-" + events + "-" + UUID.randomUUID().toString().substring(0, 8);
        Document chunkCounts = new Document();
        Document digests = new Document();
        for (Map.Entry<String, MongoDatabase> group : groups.entrySet()) {
            MessageDigest digest = sha256();
            int sequence = 0;
            for (String collection : group.getValue().listCollectionNames().into(new ArrayList<>())) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK_BYTES + (1 << 16));
                for (RawBsonDocument document : group.getValue().getCollection(collection, RawBsonDocument.class).find()) {
                    ByteBuffer bytes = document.getByteBuffer().asNIO();
                    pending.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    if (pending.size() >= CHUNK_BYTES) {
                        writeChunk(id, group.getKey(), sequence++, collection, pending, digest);
                    }
                }
                if (pending.size() > 0) {
                    writeChunk(id, group.getKey(), sequence++, collection, pending, digest);
                }
            }
            chunkCounts.append(group.getKey(), sequence);
            digests.append(group.getKey(), HexFormat.of().formatHex(digest.digest()));
        }
        Document manifest = new Document("_id", id).append("version", version).append("events", events)
                .append("latestEventTimestamp", latestEventTimestamp.toString())
                .append("latestEventNanos", nanosOf(latestEventTimestamp))
                .append("chunks", chunkCounts).append("sha256", digests)
                .append("savedAt", Instant.now().toString());
        manifest.putAll(encode(position));
        manifests.insertOne(manifest);
        return snapshotOf(manifest);
    }

    private void writeChunk(String id, String group, int sequence, String collection, ByteArrayOutputStream pending, MessageDigest digest) {
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
        byte[] data = compressed.toByteArray();
        digest.update(data);
        chunks.insertOne(new Document("_id", id + "/" + group + "/" + sequence).append("snapshot", id).append("group", group)
                .append("sequence", sequence)
                .append("collection", collection).append("data", new Binary(data)));
        pending.reset();
    }

    /**
     * Inserts the documents of one processing group of the snapshot into {@code target}, which must be empty.
     *
     * @return the number of documents restored
     * @throws DamagedSnapshotException when a chunk is missing, does not match the digest or cannot be read
     */
    long restore(Snapshot snapshot, String group, MongoDatabase target) {
        Document manifest = manifests.find(Filters.eq("_id", snapshot.id())).first();
        if (manifest == null) {
            throw new DamagedSnapshotException(snapshot.id() + " has been deleted");
        }
        Document counts = manifest.get("chunks", Document.class);
        Document digests = manifest.get("sha256", Document.class);
        if (counts == null || digests == null || !counts.containsKey(group)) {
            throw new DamagedSnapshotException(snapshot.id() + " holds no processing group " + group);
        }
        MessageDigest digest = sha256();
        int expected = counts.getInteger(group);
        int sequence = 0;
        long documents = 0;
        for (Document chunk : chunks.find(Filters.and(Filters.eq("snapshot", snapshot.id()), Filters.eq("group", group)))
                .sort(Sorts.ascending("sequence"))) {
            if (chunk.getInteger("sequence") != sequence) {
                throw new DamagedSnapshotException(snapshot.id() + " lacks chunk " + sequence + " of " + group);
            }
            byte[] data = chunk.get("data", Binary.class).getData();
            digest.update(data);
            documents += insertAll(decompress(snapshot, data), target.getCollection(chunk.getString("collection"), RawBsonDocument.class));
            sequence++;
        }
        if (sequence != expected || !HexFormat.of().formatHex(digest.digest()).equals(digests.getString(group))) {
            throw new DamagedSnapshotException(snapshot.id() + " does not match its digest for " + group + " (" + sequence
                    + " of " + expected + " chunks)");
        }
        return documents;
    }

    private static byte[] decompress(Snapshot snapshot, byte[] data) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16)) {
            return gzip.readAllBytes();
        } catch (IOException damaged) {
            throw new DamagedSnapshotException(snapshot.id() + " has an unreadable chunk: " + damaged.getMessage());
        }
    }

    private static int insertAll(byte[] documents, MongoCollection<RawBsonDocument> target) {
        ByteBuffer buffer = ByteBuffer.wrap(documents).order(ByteOrder.LITTLE_ENDIAN);
        List<RawBsonDocument> batch = new ArrayList<>();
        while (buffer.remaining() > 0) {
            int length = buffer.remaining() >= 4 ? buffer.getInt(buffer.position()) : -1;
            if (length < 5 || length > buffer.remaining()) {
                throw new DamagedSnapshotException("a document of " + target.getNamespace() + " is cut short");
            }
            RawBsonDocument document = new RawBsonDocument(documents, buffer.position(), length);
            try (BsonBinaryReader check = new BsonBinaryReader(ByteBuffer.wrap(documents, buffer.position(), length))) {
                check.readStartDocument();
            }
            batch.add(document);
            buffer.position(buffer.position() + length);
        }
        if (!batch.isEmpty()) {
            target.insertMany(batch);
        }
        return batch.size();
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
