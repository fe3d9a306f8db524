package org.servicequality.ledger.api.audit;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A digest over a stretch of the whole event stream, recorded in the stream itself so that outsiders can keep
 * a copy: the Merkle root of the chain hashes of every event with a global index in
 * [{@code firstGlobalIndex}, {@code lastGlobalIndex}], in index order. Removing, adding or changing any of those
 * events changes the root.
 */
@Revision("1")
public record LedgerCheckpointRecorded(long firstGlobalIndex,
                                       long lastGlobalIndex,
                                       long eventCount,
                                       String merkleRoot,
                                       Instant recordedAt) {
}
