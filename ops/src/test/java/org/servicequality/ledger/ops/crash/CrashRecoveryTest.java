package org.servicequality.ledger.ops.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI variant of the crash test: three kill -9 cycles under load on a child process. The full run
 * ({@code java -jar ops/target/service-quality-ledger.jar crash-test}) does twenty or more.
 */
class CrashRecoveryTest {

    @TempDir
    Path work;

    @Test
    void nothingAcknowledgedIsLostAndReadModelsConvergeAcrossKills() throws Exception {
        CrashHarness.Settings settings = new CrashHarness.Settings(3, 3, Duration.ofSeconds(3), Duration.ofSeconds(6), 1,
                20261127L, work);

        CrashHarness.Summary summary = new CrashHarness(settings, System.out).run();

        assertThat(summary.acknowledged()).as("commands acknowledged").isGreaterThan(50);
        assertThat(summary.lost()).as("acknowledged but not in the store").isZero();
        assertThat(summary.duplicateEventIdentifiers()).isZero();
        assertThat(summary.duplicatePositions()).isZero();
        assertThat(summary.aggregatesWithGaps()).isZero();
        assertThat(summary.refusals()).as("commands the load generator expected to be accepted").isEmpty();
        assertThat(summary.probes()).as("further commands on old aggregates after restarts").isPositive();
        assertThat(summary.probeFailures()).isZero();
        assertThat(summary.readModelDifference()).as("read models after crashes versus a replay from scratch").isEmpty();
        assertThat(summary.passed()).isTrue();
    }
}
