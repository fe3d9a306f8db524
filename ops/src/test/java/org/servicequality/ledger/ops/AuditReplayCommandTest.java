package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.audit.AuditCommands;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit replay}: on a stopped service's data directory, and against a running service over its API. */
class AuditReplayCommandTest {

    @TempDir
    Path dataDirectory;

    private record Run(int exitCode, String out, String progress) {
    }

    private static Run replay(Map<String, String> options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        int exit = new AuditCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run("replay", new HashMap<>(options));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replayOnADataDirectoryRebuildsEveryProjectionIntoNewCollectionsAndSwitches() throws Exception {
        Map<String, String> before;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            ReplayWhileServingTest.writeHistory(ledger, 30);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            before = ReplayWhileServingTest.answers(ledger);
        }

        Run run = replay(Map.of("data-dir", dataDirectory.toString(), "target", "all"));

        assertThat(run.exitCode()).as(run.out() + run.progress()).isZero();
        assertThat(run.progress()).contains("100%").contains(" events/s");
        assertThat(run.out()).contains(": COMPLETED, ")
                .containsPattern("board +COMPLETED +generation 1 \\(was 0\\)")
                .containsPattern("department-statistics +COMPLETED +generation 1 \\(was 0\\)")
                .containsPattern("rankings +COMPLETED +generation 1 \\(was 0\\)");
        try (RunningLedger restarted = RunningLedger.start(dataDirectory)) {
            LiveVersusReplayTest.awaitProjectionsCaughtUp(restarted);
            assertThat(ReplayWhileServingTest.answers(restarted)).isEqualTo(before);
            assertThat(restarted.context().getBean(MongoTemplate.class).getCollectionNames())
                    .contains("board_departments__g1", "scorecard_departments__g1", "ranking_staff__g1")
                    .doesNotContain("board_departments", "scorecard_departments");
        }
    }

    @Test
    void replayAgainstARunningServiceWhileItServes() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            ReplayWhileServingTest.writeHistory(ledger, 12);
            LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
            Map<String, String> before = ReplayWhileServingTest.answers(ledger);

            Run anonymous = replay(Map.of("url", ledger.baseUrl(), "target", "board"));
            assertThat(anonymous.exitCode()).as("a replay without a login").isEqualTo(1);
            assertThat(anonymous.out()).contains("Replay refused (401)");

            Run run = replay(Map.of("url", ledger.baseUrl(), "target", "board",
                    "user", RunningLedger.TEST_USER, "password", RunningLedger.TEST_PASSWORD));

            assertThat(run.exitCode()).as(run.out() + run.progress()).isZero();
            assertThat(run.out()).containsPattern("board +COMPLETED +generation 1 \\(was 0\\)").doesNotContain("rankings");
            assertThat(ReplayWhileServingTest.answers(ledger)).isEqualTo(before);
            assertThat(OperatorCommands.run(new String[]{"audit", "replay", "boards", "--url", ledger.baseUrl(),
                    "--user", RunningLedger.TEST_USER, "--password", RunningLedger.TEST_PASSWORD}))
                    .as("an unknown processing group is wrong usage").isEqualTo(2);
        }
    }

    @Test
    void replayFailsWhenNoServiceAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(OperatorCommands.run(new String[]{"audit", "replay", "all", "--url", "http://127.0.0.1:" + closedPort})).isEqualTo(1);
        assertThat(OperatorCommands.run(new String[]{"audit", "replay", "--data-dir", dataDirectory.resolve("none").toString()})).isEqualTo(2);
    }
}
