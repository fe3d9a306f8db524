package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Duration;

/**
 * Projection tracking tokens live in the same MongoDB database as the read models they track (Axon's
 * Mongo token store; the axon-mongo Spring Boot autoconfiguration is not published for 4.12, so it is
 * wired here).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionStoreConfiguration {

    @Bean
    TokenStore projectionTokenStore(MongoDatabaseFactory databases, Serializer serializer,
                                    @Value("${ledger.projections.claim-timeout:PT10S}") Duration claimTimeout) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(databases.getMongoDatabase())
                .build();
        return new FlushingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build());
    }
}
