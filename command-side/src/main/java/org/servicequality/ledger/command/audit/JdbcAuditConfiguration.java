package org.servicequality.ledger.command.audit;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The parts of tamper evidence that read a JDBC event store's table directly: verifier, histories, exports and
 * periodic checkpoints.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@EnableConfigurationProperties(AuditProperties.class)
class JdbcAuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditConfiguration.class);

    @Bean
    EventStoreVerifier eventStoreVerifier(DataSource dataSource, EventSchema schema) {
        return new EventStoreVerifier(dataSource, schema);
    }

    @Bean
    StoredEvents storedEvents(DataSource dataSource, EventSchema schema) {
        return new StoredEvents(dataSource, schema);
    }

    @Bean
    EventExport eventExport(StoredEvents storedEvents) {
        return new EventExport(storedEvents);
    }

    @Bean
    LedgerCheckpoints ledgerCheckpoints(DataSource dataSource, EventSchema schema, EventGateway events,
                                        AuditProperties properties) {
        return new LedgerCheckpoints(dataSource, schema, events, Clock.systemUTC(), properties.checkpointSettleTime());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService checkpointSchedule(LedgerCheckpoints checkpoints,
                                                AuditProperties properties) {
        Duration interval = properties.checkpointInterval();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.record().ifPresent(checkpoint -> log.info("Recorded checkpoint over global indexes {}..{} ({} events), root {}",
                        checkpoint.firstGlobalIndex(), checkpoint.lastGlobalIndex(), checkpoint.eventCount(), checkpoint.merkleRoot()));
            } catch (RuntimeException e) {
                log.warn("Could not record a checkpoint; will try again in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }
}
