package org.servicequality.ledger.ops.embedded;

import com.mongodb.ConnectionString;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.h2.mvstore.MVStore;
import org.servicequality.ledger.query.projection.PendingReadModelWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;

/**
 * The embedded defaults: with no JDBC URL configured, events and sagas go to an H2 file in the data
 * directory; with no MongoDB URI configured, read models and their tokens go to mongo-java-server with
 * its H2 file backend, also in the data directory, listening on a loopback port only. (The event tables are created
 * by the command side, for H2 and PostgreSQL alike.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataDirectoryProperties.class)
class EmbeddedStoresConfiguration {

    private static final int KEPT_READ_MODEL_DOCUMENTS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoresConfiguration.class);

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(DataDirectoryProperties properties) {
        DataDirectory directory = DataDirectory.lock(properties.dataDir());
        switch (directory.previousRun()) {
            case NONE -> log.info("Data directory {}: no previous run recorded", directory.root());
            case STOPPED_CLEANLY -> log.info("Data directory {}: the previous run stopped cleanly", directory.root());
            case DID_NOT_STOP_CLEANLY -> log.warn("Data directory {}: the previous run did not stop cleanly (killed or crashed); "
                    + "the event store keeps every acknowledged command, read models catch up by redelivery", directory.root());
        }
        return directory;
    }

    /**
     * WRITE_DELAY=0: H2 writes every commit before acknowledging it. Its default delay lost about 0.3 s
     * of acknowledged commands on every kill -9; this costs little at our commit rates (see docs/reliability.md).
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while a graceful shutdown still
     * finishes in-flight commands and stores processor tokens; the pool closes it instead, after those.
     * QUERY_CACHE_SIZE=64: each connection keeps its parsed statements; H2's default of 8 is fewer than the distinct
     * statements one command runs (events, idempotency key, staff conduct, deadline, directory reads), so every
     * command parsed its SQL again (docs/benchmarks.md, "Found and fixed" 11).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    HikariDataSource embeddedEventStoreDataSource(DataDirectory dataDirectory) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-event-store");
        dataSource.setJdbcUrl(DataDirectory.eventStoreUrl(dataDirectory.root(), ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE"));
        dataSource.setUsername("ledger");
        dataSource.setPassword("");
        return dataSource;
    }

    /** Closed by the server's shutdown, which commits it a last time. */
    @Bean(destroyMethod = "")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    EmbeddedReadModelBackend embeddedReadModelBackend(DataDirectory dataDirectory) {
        MVStore store = new MVStore.Builder()
                .fileName(dataDirectory.resolve("readmodels.mv").toString())
                .autoCommitDisabled()
                .open();
        return new EmbeddedReadModelBackend(store);
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoServer embeddedMongoServer(EmbeddedReadModelBackend embeddedReadModelBackend) {
        MongoServer server = new MongoServer(embeddedReadModelBackend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** The embedded read-model store is written to its file when a token changes; see CommittingTokenStore. */
    @Bean
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    static BeanPostProcessor commitReadModelsWithTokens(ObjectProvider<EmbeddedReadModelBackend> embeddedReadModelBackend) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TokenStore tokens
                        ? new CommittingTokenStore(tokens, () -> embeddedReadModelBackend.getObject().commit())
                        : bean;
            }
        };
    }

    /**
     * The embedded MongoDB has no writer but this process (its data directory is locked), so the documents committed
     * batches left are kept for the next batches instead of being read again (PendingReadModelWrites). A document is
     * a few hundred bytes to a few KB; a period's Service Star ranking, with every person's row, up to about 1 MB.
     */
    @Bean
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    InitializingBean keepCommittedReadModels(MongoTemplate mongo) {
        return () -> PendingReadModelWrites.keepCommittedDocuments(mongo, KEPT_READ_MODEL_DOCUMENTS);
    }

    @Bean
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/ledger");
        return () -> uri;
    }
}
