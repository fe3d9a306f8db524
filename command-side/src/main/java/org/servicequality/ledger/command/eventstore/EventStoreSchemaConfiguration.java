package org.servicequality.ledger.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Axon creates no tables by itself. When the event store is Axon's JDBC engine (no Axon Server), the command side
 * creates the event and snapshot tables when missing, in the dialect of the database it finds: H2 (the embedded
 * default) or PostgreSQL. On any other database they must exist already. In Axon Server mode there is no JDBC
 * engine and nothing to create.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreSchemaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreSchemaConfiguration.class);

    @Bean
    InitializingBean eventTables(ObjectProvider<EventStorageEngine> engine, ObjectProvider<DataSource> dataSource) {
        return () -> {
            if (engine.getIfAvailable() instanceof JdbcEventStorageEngine jdbcEngine) {
                String product;
                try (Connection connection = dataSource.getObject().getConnection()) {
                    product = connection.getMetaData().getDatabaseProductName();
                }
                EventTableFactory tables = switch (product) {
                    case "H2" -> new H2EventTableFactory();
                    case "PostgreSQL" -> PostgresEventTableFactory.INSTANCE;
                    default -> null;
                };
                if (tables == null) {
                    log.info("Event store on {}: its event tables must exist already (created only on H2 and PostgreSQL)", product);
                } else {
                    jdbcEngine.createSchema(tables);
                }
            }
        };
    }
}
