package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * The real application with its event store on a real PostgreSQL server: the schema is created on first start
 * (events with a BIGSERIAL global index and bytea payloads, snapshots, deadlines, idempotency keys), commands are
 * stored and projected, a restart finds everything, a fresh read-model store is rebuilt by replaying PostgreSQL, and
 * deadlines are kept in PostgreSQL by db-scheduler and fire.
 */
class PostgresEventStoreTest {

    private static LocalPostgres postgres;
    private static String url;

    @TempDir
    Path firstReadModels;
    @TempDir
    Path replayedReadModels;

    @BeforeAll
    static void startPostgres() throws Exception {
        LedgerApplication.disableAxonUpdateChecker();
        postgres = LocalPostgres.start();
        url = postgres.createDatabase("ledger_events");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static RunningLedger start(Path dataDirectory) {
        return RunningLedger.start(dataDirectory, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + LocalPostgres.USER);
    }

    @Test
    void eventsAreStoredInPostgresAndReplayedIntoAFreshReadModel() throws Exception {
        String boardBefore;
        long events;
        try (RunningLedger ledger = start(firstReadModels)) {
            JdbcTemplate jdbc = new JdbcTemplate(ledger.context().getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
            assertThat(columnTypes(jdbc, "domainevententry")).containsEntry("globalindex", "bigint")
                    .containsEntry("payload", "bytea").containsEntry("metadata", "bytea");
            assertThat(jdbc.queryForObject("SELECT column_default FROM information_schema.columns "
                    + "WHERE table_name = 'domainevententry' AND column_name = 'globalindex'", String.class)).startsWith("nextval(");
            assertThat(columnTypes(jdbc, "snapshotevententry")).containsEntry("payload", "bytea");
            assertThat(columnTypes(jdbc, "scheduled_tasks")).containsEntry("task_data", "bytea")
                    .containsEntry("execution_time", "timestamp with time zone");
            assertThat(columnTypes(jdbc, "idempotency_record")).containsKey("idempotency_key");
            assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'domainevententry'", String.class))
                    .hasSize(3);

            for (String department : new String[]{"ICU", "RADIOLOGY", "OUTPATIENT"}) {
                assertThat(ledger.post("/api/departments", "{\"departmentId\":\"" + department + "\",\"nameZh\":\"科室\",\"nameEn\":\""
                        + department + "\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
            }
            // Received now: a complaint from long ago is overdue at once, and its deadline would append an event mid-count.
            String receivedAt = Instant.now().toString();
            for (int i = 0; i < 30; i++) {
                String department = i % 3 == 0 ? "ICU" : i % 3 == 1 ? "RADIOLOGY" : "OUTPATIENT";
                var filed = ledger.post("/api/complaints", complaintFor(department, receivedAt), Map.of("Idempotency-Key", "complaint-" + i));
                assertThat(filed.status()).isEqualTo(201);
                if (i % 2 == 0) {
                    String complaintId = json(filed.body()).get("complaintId").asText();
                    assertThat(ledger.post("/api/complaints/" + complaintId + "/reply",
                            "{\"text\":\"We have looked into it.\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(204);
                }
            }
            // A retried request is answered from its idempotency record in PostgreSQL and appends nothing.
            long beforeRetry = ledger.storedEvents();
            var retry = ledger.post("/api/complaints", complaintFor("ICU", receivedAt), Map.of("Idempotency-Key", "complaint-0"));
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(ledger.storedEvents()).isEqualTo(beforeRetry);

            events = ledger.storedEvents();
            assertThat(events).isEqualTo(3 + 30 + 15);
            await().atMost(Duration.ofSeconds(30)).until(() -> totalFiled(ledger) == 30);
            boardBefore = ledger.get("/api/board").body();
        }

        // A restart creates nothing twice and loses nothing.
        try (RunningLedger restarted = start(firstReadModels)) {
            assertThat(restarted.storedEvents()).isEqualTo(events);
            assertThat(restarted.get("/api/board").body()).isEqualTo(boardBefore);
        }

        // An empty read-model store is rebuilt by replaying every event from PostgreSQL.
        try (RunningLedger replayed = start(replayedReadModels)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> totalFiled(replayed) == 30);
            await().atMost(Duration.ofSeconds(30)).until(() -> replayed.get("/api/board").body().equals(boardBefore));
        }
    }

    @Test
    void aDeadlineIsStoredInPostgresAndFires() throws Exception {
        String deadlines = postgres.createDatabase("ledger_deadlines");
        String probeId = UUID.randomUUID().toString();
        try (var ledger = new SpringApplicationBuilder(LedgerApplication.class,
                DeadlinesSurviveRestartTest.ProbeModule.class)
                .run("--ledger.data-dir=" + firstReadModels, "--server.port=0", "--spring.datasource.url=" + deadlines,
                        "--spring.datasource.username=" + LocalPostgres.USER, "--db-scheduler.polling-interval=500ms")) {
            JdbcTemplate jdbc = new JdbcTemplate(ledger.getBean(DataSource.class));
            ledger.getBean(CommandGateway.class)
                    .sendAndWait(new DeadlinesSurviveRestartTest.ScheduleProbe(probeId, Duration.ofSeconds(2)));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Integer.class))
                    .isEqualTo(1);

            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?", Integer.class,
                    probeId, DeadlinesSurviveRestartTest.ProbeOverdue.class.getName()) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class) == 0);
        }
    }

    private static Map<String, String> columnTypes(JdbcTemplate jdbc, String table) {
        Map<String, String> types = new HashMap<>();
        jdbc.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
                rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                }, table);
        return types;
    }

    private static long totalFiled(RunningLedger ledger) throws Exception {
        long filed = 0;
        for (JsonNode row : json(ledger.get("/api/board").body()).get("departments")) {
            filed += row.get("total").get("filed").asLong();
        }
        return filed;
    }
}
