package org.servicequality.ledger.query.asof;

/** The stored read-model snapshots behind the as-of views (docs/audit.md, "Snapshots"). */
public interface AsOfSnapshots {

    /**
     * Makes the snapshots the settled history lacks, now, and returns when they are made (after a background run under
     * way, if any).
     *
     * @throws IllegalStateException when they could not be made
     */
    void makeSnapshotsNow();
}
