package org.servicequality.ledger.ops.embedded;

import com.mongodb.ConnectionString;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The embedded defaults: with no JDBC URL configured, events and sagas go to an H2 file in the data
 * directory; with no MongoDB URI configured, read models and their tokens go to mongo-java-server with
 * its H2 file backend, also in the data directory, listening on a loopback port only. (The event tables are created
 * by the command side, for H2 and PostgreSQL alike.)
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedStoresConfiguration {

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(@Value("${ledger.data-dir:./data}") Path root) {
        return DataDirectory.lock(root);
    }

    /**
     * WRITE_DELAY=0: H2 writes every commit before acknowledging it. Its default delay lost about 0.3 s
     * of acknowledged commands on every kill -9; this costs little at our commit rates (see docs/reliability.md).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    HikariDataSource embeddedEventStoreDataSource(DataDirectory dataDirectory) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-event-store");
        dataSource.setJdbcUrl("jdbc:h2:file:" + dataDirectory.resolve("events") + ";WRITE_DELAY=0");
        dataSource.setUsername("ledger");
        dataSource.setPassword("");
        return dataSource;
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoServer embeddedMongoServer(DataDirectory dataDirectory) {
        MongoServer server = new MongoServer(new H2Backend(dataDirectory.resolve("readmodels.mv").toString()));
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/ledger");
        return () -> uri;
    }
}
