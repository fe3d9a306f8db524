package org.servicequality.ledger.ops.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.servicequality.ledger.ops.security.InternalClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --demo}: once the service is up, seeds a demo hospital through its own HTTP command API, in the
 * background, while the service already answers. A failure is logged and leaves the service running.
 *
 * <p>Options: {@code --ledger.demo.seed}, {@code --ledger.demo.months}, {@code --ledger.demo.staff},
 * {@code --ledger.demo.cases-per-month} (defaults in {@link DemoOptions#DEFAULT}).
 */
@Component
@ConditionalOnProperty(name = "demo")
public class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);
    private static final Duration DEADLINE_WAIT = Duration.ofMinutes(3);

    private final Environment environment;
    private final ZoneId zone;
    private final WorkingDayCalendar calendar;
    private final int replyWithinWorkingDays;
    private final JdbcTemplate jdbc;
    private final String deadlineTable;
    private final ObjectProvider<Scheduler> scheduler;
    private final InternalClient credentials;
    private final CompletableFuture<DemoSummary> result = new CompletableFuture<>();
    private Thread worker;

    DemoSeeding(Environment environment, WorkingDayCalendar calendar, DataSource dataSource, ObjectProvider<Scheduler> scheduler,
                InternalClient credentials) {
        this.credentials = credentials;
        this.environment = environment;
        this.zone = ZoneId.of(environment.getProperty("ledger.time-zone", "Asia/Shanghai"));
        this.replyWithinWorkingDays = environment.getProperty("ledger.complaints.reply-within-working-days", Integer.class, 3);
        this.calendar = calendar;
        this.jdbc = new JdbcTemplate(dataSource);
        this.deadlineTable = environment.getProperty("db-scheduler.table-name", "scheduled_tasks");
        this.scheduler = scheduler;
    }

    /** Read when the demo runs, so that a bad option fails the demo, not the service. */
    private DemoOptions options() {
        DemoOptions defaults = DemoOptions.DEFAULT;
        return new DemoOptions(
                environment.getProperty("ledger.demo.seed", Long.class, defaults.seed()),
                environment.getProperty("ledger.demo.months", Integer.class, defaults.months()),
                environment.getProperty("ledger.demo.staff", Integer.class, defaults.staff()),
                environment.getProperty("ledger.demo.cases-per-month", Integer.class, defaults.casesPerMonth()));
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        worker = new Thread(() -> run("http://127.0.0.1:" + port), "demo-seeding");
        worker.start();
    }

    private void run(String baseUrl) {
        try {
            DemoOptions options = options();
            LocalDate today = LocalDate.now(zone);
            DemoPlan plan = new DemoPlanner(options, zone, today, calendar, replyWithinWorkingDays).plan();
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            log.info("Demo: seed {}, {} months of history up to {} ({}), through {}", options.seed(), options.months(), today, zone, baseUrl);
            result.complete(new DemoSeeder(new LedgerCommandClient(baseUrl, credentials.basicAuthorization(), json), this::awaitDueDeadlines, json).seed(plan));
        } catch (InterruptedException stopped) {
            log.warn("Demo: seeding stopped because the service is shutting down; start it again with --demo to complete it.");
            result.completeExceptionally(stopped);
        } catch (Exception | Error failure) {
            log.error("Demo: seeding failed; the service keeps running with whatever was recorded. Cause: {}", failure.toString(), failure);
            result.completeExceptionally(failure);
        }
    }

    /**
     * Deadlines are polled every few seconds; a nudge makes the scheduler look now. A deadline whose handling
     * fails is retried minutes later, so the wait is bounded and the demo carries on after it.
     */
    private void awaitDueDeadlines() throws InterruptedException {
        Instant giveUp = Instant.now().plus(DEADLINE_WAIT);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long due = dueDeadlines(now);
        while (due > 0) {
            if (Instant.now().isAfter(giveUp)) {
                log.warn("Demo: {} deadlines are still due after {}; carrying on without them.", due, DEADLINE_WAIT);
                return;
            }
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
            TimeUnit.MILLISECONDS.sleep(250);
            due = dueDeadlines(now);
        }
    }

    private long dueDeadlines(OffsetDateTime now) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + deadlineTable + " WHERE execution_time <= ?", Long.class, now);
        return count == null ? 0 : count;
    }

    /**
     * The outcome of this run, for tests and tools that start the service with {@code --demo}.
     *
     * @throws ExecutionException when the seeding failed
     * @throws TimeoutException   when it has not finished within the given time
     */
    public DemoSummary awaitSummary(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Published before the web server stops, so the seeding stops cleanly instead of failing on a closed port. */
    @EventListener
    void onClose(ContextClosedEvent closing) throws InterruptedException {
        if (worker != null && worker.isAlive()) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
