package org.servicequality.ledger.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar file is read from the application's data directory, and a broken one stops the start-up. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenCalendarFailsStartUpTest {

    @TempDir
    Path dataDir;

    @BeforeAll
    static void noUpdateChecks() {
        LedgerApplication.disableAxonUpdateChecker();
    }

    @Test
    void aBrokenCalendarInTheDataDirectoryStopsTheStartUpSayingWhatIsWrong(CapturedOutput output) throws Exception {
        Path calendar = dataDir.resolve("calendar.json");
        Files.writeString(calendar, """
                {"weekend": ["SATURDAY", "SUNDAY"], "holidays": ["2026-13-01"], "makeUpWorkingDays": []}
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0"))
                .hasStackTraceContaining("Working-day calendar " + calendar.toAbsolutePath() + " holidays[0] '2026-13-01' is not an ISO date");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Correct " + calendar.toAbsolutePath());
    }
}
