package org.servicequality.ledger.ops.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.audit.AuditCommands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick mode of the benchmark suite runs end to end: it generates a history the audit verifier accepts, replays
 * it, drives the service with every kind of command and read, and reports every target. It says nothing about speed:
 * no figure is compared with its target here.
 */
class BenchSuiteQuickTest {

    @TempDir
    Path work;

    @Test
    void theQuickModeRunsEveryMeasurementAndReportsEveryTarget() throws Exception {
        Path report = work.resolve("benchmarks.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchSettings settings = BenchSettings.fromOptions(Map.of("mode", "quick", "events", "2000", "seconds", "2",
                "work-dir", work.toString(), "report", report.toString()), work);

        BenchSuite.Result result = new BenchSuite(settings, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.failures()).as(output).isZero();
        assertThat(result.events()).isGreaterThanOrEqualTo(2_000);
        assertThat(result.figures()).extracting(BenchReport.Figure::measurement).containsExactlyInAnyOrder(
                "replay of all projections over the store",
                "replay rate ÷ raw scan rate (same run)",
                "commands over HTTP, 16 clients, closed loop",
                "command p99 at a steady 300/s",
                "board JSON p99 at 500/s",
                "board JSON p99 ÷ static file p99 (same run)",
                "resident set of the service after loading and serving",
                "as-of board, slowest first request of 3 instants");
        assertThat(result.figures()).allSatisfy(figure -> assertThat(figure.measured()).isPositive());
        assertThat(output).contains("History: writing", "replay:", "caught up", "As-of snapshots over the store", "commands, closed loop:", "load average");
        assertThat(Files.readString(report)).contains("quick mode", "| measurement | measured | target |",
                "command: `java -jar ops/target/service-quality-ledger.jar bench --mode quick --events 2000", "hardware: ");

        ByteArrayOutputStream verification = new ByteArrayOutputStream();
        int verified = new AuditCommands(new PrintStream(verification, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run("verify", Map.of("data-dir", result.dataDirectory().toString()));
        assertThat(verified).as(verification.toString(StandardCharsets.UTF_8)).isZero();
    }
}
