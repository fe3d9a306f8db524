package org.servicequality.ledger.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Deadlines (reply due, rectification overdue) are stored in the same JDBC database as the events, through
 * db-scheduler, so they survive restarts and are scheduled in the same transaction as the events of the command
 * that set them (db-scheduler wraps the DataSource in a transaction-aware proxy).
 *
 * <p>Axon's {@code AxonDbSchedulerAutoConfiguration} would build the deadline manager on its own, but with
 * db-scheduler's default Java serialization of Axon's binary task data: that class declares no serialVersionUID,
 * so an Axon upgrade could make every pending deadline unreadable. Here the task data is the human-readable
 * variant written as JSON, with the deadline payload, metadata and scope serialized by Axon's event serializer
 * (Jackson, like the events). The db-scheduler tuning lives in application.yml ({@code db-scheduler.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", matchIfMissing = true)
class PersistentDeadlinesConfiguration {

    /** Replaces Axon's binary task, which is registered under this qualifier only when none exists. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /** The scheduler is started and stopped by Spring (db-scheduler's starter), not by Axon. */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler,
                                               org.axonframework.config.Configuration axonConfiguration,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(eventSerializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .useBinaryPojo(false)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<com.github.kagkarlsson.scheduler.serializer.Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    /** Runs before the scheduler polls: db-scheduler.delay-startup-until-context-ready is set in application.yml. */
    @Bean
    InitializingBean deadlineTable(DataSource dataSource, @Value("${db-scheduler.table-name:scheduled_tasks}") String tableName) {
        return () -> DeadlineTable.ensureExists(dataSource, tableName);
    }
}
