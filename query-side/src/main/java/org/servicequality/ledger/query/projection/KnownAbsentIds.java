package org.servicequality.ledger.query.projection;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which documents the collections of a MongoDB cannot hold, for a writer that sees every write to them: a replay asks
 * for one document per complaint, finding or person-month that does not exist yet, and each such read is a round trip.
 * For each collection known to have been empty, a Bloom filter (Guava's) keeps the ids written to it since; an id the
 * filter has never seen is certainly not stored. The filter never answers "no" for an id that was written, so a
 * document written is never taken for absent. A collection whose writes cannot all be seen is asked for every id
 * ({@link #stopKnowing}).
 *
 * <p>Kept by {@link CommittedDocuments} for the embedded read-model store and by the as-of read sides' templates for
 * their private databases.
 */
public final class KnownAbsentIds {

    private static final double FALSE_PERHAPS = 0.02;

    private final int idsPerFilter;
    private final boolean unseenCollectionsEmpty;
    /** Per collection asked about or written: the ids written since it was known empty, or empty once it cannot be known. */
    private final Map<String, Optional<BloomFilter<CharSequence>>> writtenSinceEmpty = new HashMap<>();

    /**
     * @param idsPerFilter           ids a collection takes before its filter answers "perhaps" more often than 1 in 50
     *                               for an id never written
     * @param unseenCollectionsEmpty whether a collection neither asked about nor written yet is known empty (a database
     *                               made for this writer) or is to be found out when first asked about
     */
    public KnownAbsentIds(int idsPerFilter, boolean unseenCollectionsEmpty) {
        this.idsPerFilter = idsPerFilter;
        this.unseenCollectionsEmpty = unseenCollectionsEmpty;
    }

    /**
     * True only if the collection holds no document with this id: it was empty when first asked about (asked once
     * per collection, through {@code collectionEmpty}, unless unseen collections are known empty) or emptied since,
     * and no document with this id has been written to it since.
     */
    public synchronized boolean certainlyAbsent(String collection, String id, BooleanSupplier collectionEmpty) {
        Optional<BloomFilter<CharSequence>> written = writtenSinceEmpty.computeIfAbsent(collection,
                unseen -> unseenCollectionsEmpty || collectionEmpty.getAsBoolean() ? Optional.of(emptyFilter()) : Optional.empty());
        return written.isPresent() && !written.get().mightContain(id);
    }

    /**
     * Called before the document is written, so a write that fails half-way still counts as perhaps stored. A write
     * to a collection not yet asked about, unless unseen collections are known empty, leaves it unknown for good.
     */
    public synchronized void writing(String collection, String id) {
        writtenSinceEmpty.computeIfAbsent(collection, unseen -> unseenCollectionsEmpty ? Optional.of(emptyFilter()) : Optional.empty())
                .ifPresent(written -> written.put(id));
    }

    /** The collection was dropped: until something is written it holds nothing. */
    public synchronized void emptied(String collection) {
        writtenSinceEmpty.put(collection, Optional.of(emptyFilter()));
    }

    /** The collection may hold documents this writer did not see written: it is asked for every id from now on. */
    public synchronized void stopKnowing(String collection) {
        writtenSinceEmpty.put(collection, Optional.empty());
    }

    /** Every collection is back to what it was before anything was asked or written. */
    public synchronized void forgetAll() {
        writtenSinceEmpty.clear();
    }

    private BloomFilter<CharSequence> emptyFilter() {
        return BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), idsPerFilter, FALSE_PERHAPS);
    }
}
