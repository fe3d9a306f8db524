package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.embedded.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class DataDirectoryLockTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aSecondProcessOnTheSameDataDirectoryFailsWithAClearMessage() {
        try (RunningLedger first = RunningLedger.start(dataDirectory)) {
            Throwable failure = catchThrowable(() -> RunningLedger.start(dataDirectory).close());

            assertThat(failure).hasRootCauseInstanceOf(DataDirectoryInUseException.class);
            assertThat(failure).rootCause().hasMessageContaining(dataDirectory.toString()).hasMessageContaining("already in use");
            // The first one is unharmed.
            assertThat(first.get("/api/board").status()).isEqualTo(200);
        }
        // Released on stop: the directory can be used again.
        try (RunningLedger again = RunningLedger.start(dataDirectory)) {
            assertThat(again.get("/api/board").status()).isEqualTo(200);
        }
    }
}
