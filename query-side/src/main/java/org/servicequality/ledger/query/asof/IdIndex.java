package org.servicequality.ledger.query.asof;

import com.google.common.hash.Hashing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Which chunk of a stored snapshot's processing group holds the document with a given collection and id: one long per
 * document, 48 bits of a hash of the two and the chunk's number in the low 16 bits, sorted. About 8 bytes a document
 * (2 MB at a million events), so a read side can find the few documents a replay touches without reading every chunk.
 * Two ids may share a hash: the chunks named are candidates, and the caller looks for the id in them.
 */
final class IdIndex {

    private static final int CHUNK_BITS = 16;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    private final long[] entries;

    private IdIndex(long[] entries) {
        this.entries = entries;
    }

    /** The numbers of the chunks that may hold the document, in ascending order; none when the group has no such document. */
    int[] chunksOf(String collection, String id) {
        long hash = hash(collection, id);
        int at = Arrays.binarySearch(entries, hash << CHUNK_BITS);
        if (at < 0) {
            at = -at - 1;
        }
        int end = at;
        while (end < entries.length && entries[end] >>> CHUNK_BITS == hash) {
            end++;
        }
        int[] chunks = new int[end - at];
        for (int i = at; i < end; i++) {
            chunks[i - at] = (int) (entries[i] & CHUNK_MASK);
        }
        return chunks;
    }

    byte[] compressed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.length * 4 + 64);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(entries.length);
            for (long entry : entries) {
                out.writeLong(entry);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static IdIndex of(byte[] compressed, String snapshot) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16))) {
            int size = in.readInt();
            if (size < 0) {
                throw new StoredSnapshots.DamagedSnapshotException(snapshot + " has an id index of negative size");
            }
            long[] entries = new long[size];
            for (int i = 0; i < size; i++) {
                entries[i] = in.readLong();
            }
            return new IdIndex(entries);
        } catch (EOFException cut) {
            throw new StoredSnapshots.DamagedSnapshotException(snapshot + " has an id index cut short");
        } catch (IOException damaged) {
            throw new StoredSnapshots.DamagedSnapshotException(snapshot + " has an unreadable id index: " + damaged.getMessage());
        }
    }

    /**
     * 48 bits of a 64-bit fingerprint of both names. A changed hash changes this class and so the read side's code
     * version: older snapshots are then dropped, never read with the wrong index.
     */
    private static long hash(String collection, String id) {
        return Hashing.farmHashFingerprint64().newHasher()
                .putString(collection, StandardCharsets.UTF_8).putByte((byte) 0).putString(id, StandardCharsets.UTF_8)
                .hash().asLong() >>> CHUNK_BITS;
    }

    /** Collects the entries while a snapshot is saved. */
    static final class Builder {

        private long[] entries = new long[1024];
        private int size;

        void add(String collection, String id, int chunk) {
            if (chunk > CHUNK_MASK) {
                throw new IllegalStateException("A snapshot group of more than " + (CHUNK_MASK + 1) + " chunks cannot be indexed");
            }
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = hash(collection, id) << CHUNK_BITS | chunk;
        }

        IdIndex build() {
            long[] sorted = Arrays.copyOf(entries, size);
            Arrays.sort(sorted);
            return new IdIndex(sorted);
        }
    }
}
