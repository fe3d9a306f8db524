package org.servicequality.ledger.ops.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM under load: requests in progress finish, nothing acknowledged is lost, and the stores close cleanly. */
class GracefulShutdownTest {

    @TempDir
    Path work;

    @Test
    void sigtermUnderLoadKeepsEveryAcknowledgedCommandAndStopsCleanly() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("service.log");
        World world = new World(4);
        Acknowledgements acknowledgements = new Acknowledgements();
        CommandLoad.Statistics statistics = new CommandLoad.Statistics();
        CommandLoad load = new CommandLoad(world, acknowledgements, statistics);

        LedgerProcess ledger = LedgerProcess.start(data, log);
        load.target(ledger);
        CommandLoad.Clients clients = load.start(7);
        await().atMost(Duration.ofSeconds(90)).until(() -> statistics.acknowledged.get() >= 100);
        int exitCode = ledger.stop(Duration.ofSeconds(60));
        clients.stop();

        // 143 is the JVM's answer to SIGTERM once its shutdown hooks have run.
        assertThat(exitCode).isIn(0, 143);
        // A command cut off half-way by the shutdown would have answered 5xx. Tomcat itself refuses (400, its own
        // error page, nothing dispatched) a request that arrives on an idle keep-alive connection once it has paused.
        assertThat(statistics.refusals).noneMatch(refusal -> refusal.matches("(?s).* -> 5\\d\\d .*"))
                .allMatch(refusal -> refusal.contains(" -> 400 <!doctype html>"));
        String output = Files.readString(log);
        assertThat(output).contains("Commencing graceful shutdown");
        // Warnings are left out: a starved machine makes Hikari warn of clock leaps at any moment.
        assertThat(output.substring(output.indexOf("Commencing graceful shutdown")))
                .contains("Graceful shutdown complete").doesNotContain(" ERROR ");
        assertThat(Files.readString(data.resolve("ledger.lock"))).isEqualTo("stopped\n");

        StoreInspection store = StoreInspection.of(data);
        List<Acknowledgements.Acknowledged> missing = acknowledgements.missingFrom(store.events);
        assertThat(missing).as("acknowledged commands missing from the store").isEmpty();
        assertThat(store.duplicateEventIdentifiers + store.duplicatePositions + store.aggregatesWithGaps).isZero();

        Path secondLog = work.resolve("second-start.log");
        LedgerProcess again = LedgerProcess.start(data, secondLog);
        assertThat(again.stop(Duration.ofSeconds(60))).isIn(0, 143);
        assertThat(Files.readString(secondLog)).contains("the previous run stopped cleanly");
    }
}
