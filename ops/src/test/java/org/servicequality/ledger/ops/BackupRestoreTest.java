package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.backup.Restore;
import org.servicequality.ledger.ops.embedded.EventStoreDigest;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * An online backup taken while complaints keep arriving, restored into a new directory: the service started there
 * holds exactly the events of the backup point, byte for byte, and rebuilds its board from them.
 */
class BackupRestoreTest {

    private static final String COMPLAINT_FILED = "org.servicequality.ledger.api.complaint.ComplaintFiled";

    @TempDir
    Path work;

    @Test
    void aBackupTakenUnderLoadRestoresTheHistoryOfItsBackupPoint() throws Exception {
        Path backup = work.resolve("backups").resolve("ledger-backup.zip");
        Path restored = work.resolve("restored");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> unexpected = new AtomicReference<>();
        EventStoreDigest backedUp;
        try (RunningLedger source = RunningLedger.start(work.resolve("source"))) {
            assertThat(source.post("/api/departments",
                    "{\"departmentId\":\"ER\",\"nameZh\":\"急诊科\",\"nameEn\":\"Emergency\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
            List<Thread> clients = List.of(client(source, acknowledged, stop, unexpected),
                    client(source, acknowledged, stop, unexpected), client(source, acknowledged, stop, unexpected));
            clients.forEach(Thread::start);
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30);

            Set<String> acknowledgedBeforeBackup = new HashSet<>(acknowledged);
            Path password = Files.writeString(work.resolve("password"), RunningLedger.TEST_PASSWORD);
            int exitCode = OperatorCommands.run(new String[] {"backup", "--to", backup.toString(), "--url", source.baseUrl(),
                    "--user", RunningLedger.TEST_USER, "--password-file", password.toString()});
            int acknowledgedAtBackupEnd = acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > acknowledgedAtBackupEnd + 10);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            assertThat(unexpected.get()).isNull();
            assertThat(exitCode).isZero();

            Restore.Result restore = Restore.restore(backup, restored);
            backedUp = restore.digest();
            assertThat(backedUp.events()).isLessThan(source.storedEvents());
            try (RunningLedger copy = RunningLedger.start(restored)) {
                JdbcTemplate copyEvents = new JdbcTemplate(copy.context().getBean(DataSource.class));
                assertThat(copy.storedEvents()).isEqualTo(backedUp.events());
                Set<Long> indexes = new HashSet<>(copyEvents.queryForList("SELECT globalIndex FROM DomainEventEntry", Long.class));
                // Events never change, so the source now still holds the backup point's rows unchanged.
                try (Connection copyConnection = copy.context().getBean(DataSource.class).getConnection();
                     Connection sourceConnection = source.context().getBean(DataSource.class).getConnection()) {
                    assertThat(EventStoreDigest.of(copyConnection)).isEqualTo(backedUp);
                    assertThat(EventStoreDigest.of(sourceConnection, indexes::contains)).isEqualTo(backedUp);
                }
                Set<String> filedInCopy = new HashSet<>(copyEvents.queryForList(
                        "SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType = ?", String.class, COMPLAINT_FILED));
                assertThat(filedInCopy).containsAll(acknowledgedBeforeBackup);

                // The read models were not in the backup: the board is rebuilt by replay.
                await().atMost(Duration.ofSeconds(60)).until(() -> filedOnBoard(copy) == filedInCopy.size());
                assertThat(copy.post("/api/complaints", complaintFor("ER", Instant.now().toString())).status()).isEqualTo(201);
            }
        }

        assertThatThrownBy(() -> Restore.restore(backup, restored)).hasMessageContaining("not empty");
        assertThat(OperatorCommands.run(new String[] {"restore", "--from", backup.toString()})).isEqualTo(2);
        assertThat(Files.exists(backup)).isTrue();
    }

    private static Thread client(RunningLedger ledger, Set<String> acknowledged, AtomicBoolean stop, AtomicReference<String> unexpected) {
        return new Thread(() -> {
            while (!stop.get()) {
                // Received now: no reply deadline falls due and appends an event while the test compares counts.
                RunningLedger.Response filed = ledger.post("/api/complaints", complaintFor("ER", Instant.now().toString()));
                if (filed.status() != 201) {
                    unexpected.compareAndSet(null, filed.status() + " " + filed.body());
                    return;
                }
                try {
                    acknowledged.add(json(filed.body()).get("complaintId").asText());
                } catch (Exception unreadable) {
                    unexpected.compareAndSet(null, filed.body());
                    return;
                }
            }
        });
    }

    private static long filedOnBoard(RunningLedger ledger) throws Exception {
        long filed = 0;
        for (var row : json(ledger.get("/api/board").body()).get("departments")) {
            filed += row.get("total").get("filed").asLong();
        }
        return filed;
    }
}
