package org.servicequality.ledger.ops.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the stack trace of a second start on the same data directory with what to do about it. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + " (it holds the lock on " + cause.directory().resolve(DataDirectory.LOCK_FILE) + ").",
                "Stop the other process first, or start this one on another directory with --ledger.data-dir=PATH.",
                cause);
    }
}
