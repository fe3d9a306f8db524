package org.servicequality.ledger.ops;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad ledger.* value stops the start-up, and the operator is told which property and why. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ledger.complaints.reply-within-working-days | 0         | must be greater than or equal to 1",
            "ledger.time-zone                            | Mars/Olympus | Unknown time-zone ID: Mars/Olympus",
            "ledger.projections.claim-timeout            | PT0S      | must be longer than or equal to 1 second",
            "ledger.as-of.snapshot-interval              | 10        | must be greater than or equal to 100",
            "ledger.audit.checkpoint-interval            | banana    | failed to convert",
            "ledger.board.max-age                        | PT0S      | must be longer than or equal to"})
    void aBadValueStopsTheStartUpNamingTheProperty(String property, String value, String reason, CapturedOutput output) {
        assertThatThrownBy(() -> RunningLedger.start(dataDirectory, "--" + property + "=" + value).close())
                .hasStackTraceContaining(property.substring(0, property.lastIndexOf('.')));
        // Spring Boot's failure analysis, as the operator sees it on the console.
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Origin: \"" + property + "\"")
                .contains(value)
                .contains(reason);
        // Nothing was left half-started: the data directory is free for the next attempt.
        RunningLedger.start(dataDirectory).close();
    }
}
