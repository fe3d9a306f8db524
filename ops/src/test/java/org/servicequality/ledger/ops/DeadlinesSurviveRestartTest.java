package org.servicequality.ledger.ops;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deadline scheduled before a shutdown fires after the next start-up. The aggregates that schedule the real
 * deadlines live in command-side; this test brings its own probe aggregate so it depends on none of them.
 */
class DeadlinesSurviveRestartTest {

    /** Long enough for the first run to be closed well before the deadline is due, even on a busy machine. */
    private static final Duration DELAY = Duration.ofSeconds(8);

    @TempDir
    Path dataDir;

    @BeforeAll
    static void noUpdateChecks() {
        LedgerApplication.disableAxonUpdateChecker();
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, since default properties would lose to application.yml.
        return new SpringApplicationBuilder(LedgerApplication.class, ProbeModule.class)
                .run("--ledger.data-dir=" + dataDir,
                        "--server.port=0",
                        // Production polls every 10 s; a shorter poll only shortens this test.
                        "--db-scheduler.polling-interval=500ms");
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() {
        String probeId = UUID.randomUUID().toString();
        Instant dueAt;

        try (ConfigurableApplicationContext first = start()) {
            first.getBean(CommandGateway.class).sendAndWait(new ScheduleProbe(probeId, DELAY));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            dueAt = Instant.parse(jdbc.queryForObject(
                    "SELECT timestamp FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                    String.class, probeId)).plus(DELAY);

            List<byte[]> taskData = jdbc.queryForList(
                    "SELECT task_data FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", byte[].class);
            assertThat(taskData).hasSize(1);
            // Stored as JSON written by Jackson (db-scheduler's and Axon's), not Java serialization or XStream.
            String json = new String(taskData.get(0), StandardCharsets.UTF_8);
            assertThat(json).startsWith("{").contains("\"deadlineName\":\"probe-due\"")
                    .contains(ProbeDue.class.getName()).contains(probeId).doesNotContain("<");
        }
        assertThat(Instant.now()).as("the first run must be closed before the deadline is due, or this proves nothing")
                .isBefore(dueAt);

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> overdueEvents(jdbc, probeId) > 0);
            // db-scheduler removes the execution just after the handler's transaction commits.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class) == 0);
            assertThat(overdueEvents(jdbc, probeId)).isEqualTo(1);
        }
    }

    private static int overdueEvents(JdbcTemplate jdbc, String probeId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?",
                Integer.class, probeId, ProbeOverdue.class.getName());
    }

    record ScheduleProbe(String probeId, Duration delay) {
    }

    record ProbeScheduled(String probeId, Instant dueAt) {
    }

    record ProbeDue(String probeId) {
    }

    record ProbeOverdue(String probeId, Instant dueAt) {
    }

    /** Added to the application only by this test (no stereotype, so component scanning skips it). */
    static class ProbeModule {

        @Bean
        ConfigurerModule probeAggregate() {
            return configurer -> configurer.configureAggregate(Probe.class);
        }
    }

    static class Probe {

        @AggregateIdentifier
        private String probeId;
        private Instant dueAt;

        Probe() {
        }

        @CommandHandler
        Probe(ScheduleProbe command, DeadlineManager deadlineManager) {
            Instant dueAt = GenericEventMessage.clock.instant().plus(command.delay());
            apply(new ProbeScheduled(command.probeId(), dueAt));
            deadlineManager.schedule(dueAt, "probe-due", new ProbeDue(command.probeId()));
        }

        @DeadlineHandler(deadlineName = "probe-due")
        void on(ProbeDue due) {
            apply(new ProbeOverdue(due.probeId(), dueAt));
        }

        @EventSourcingHandler
        void on(ProbeScheduled event) {
            probeId = event.probeId();
            dueAt = event.dueAt();
        }
    }
}
