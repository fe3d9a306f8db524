package org.servicequality.ledger.query.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projection tracking tokens live in the same MongoDB database as the read models they track (Axon's
 * Mongo token store; the axon-mongo Spring Boot autoconfiguration is not published for 4.12, so it is
 * wired here). Every query-side instance shares them: a segment is processed by the instance holding
 * its claim, and a claim older than {@code ledger.projections.claim-timeout} may be taken over.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProjectionProperties.class, RebuildProperties.class})
class ProjectionStoreConfiguration {

    /** Process id and host: unique per JVM, and readable in the token documents' {@code owner} field. */
    private static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    /** Which generation of each projection's collections serves (see ProjectionRebuilds). */
    @Bean
    ReadModelGenerations readModelGenerations(MongoDatabaseFactory databases) {
        return new ReadModelGenerations(databases, ProjectionStoreConfiguration.class.getPackageName().replaceAll("\\.projection$", ""));
    }

    /** Spring Boot's template, except that each document class's collection is that of the generation in use. */
    @Bean
    MongoTemplate mongoTemplate(MongoDatabaseFactory databases, MongoConverter converter, ReadModelGenerations generations) {
        return new GenerationalMongoTemplate(databases, converter, generations);
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(EventProcessingConfiguration processing, TokenStore tokenStore,
                                          ReadModelGenerations generations, MongoTemplate mongo, EventStore eventStore,
                                          ObjectProvider<TransactionManager> transactionManager,
                                          ObjectProvider<MeterRegistry> meters, RebuildProperties settings) {
        return new ProjectionRebuilds(processing, tokenStore, generations, mongo, eventStore,
                transactionManager.getIfAvailable(NoTransactionManager::instance), Optional.ofNullable(meters.getIfAvailable()),
                settings);
    }

    @Bean
    TokenStore projectionTokenStore(MongoDatabaseFactory databases, Serializer serializer, ReadModelGenerations generations,
                                    ProjectionProperties properties) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(databases.getMongoDatabase())
                .build();
        return new FlushingTokenStore(new GenerationalTokenStore(MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .nodeId(NODE_ID)
                .build(), generations));
    }

    /**
     * Projections start from the first event with an empty token. Axon's default initial token asks the event source
     * for its head when a processor's tokens are first created, and fails the start-up after 3 s when that source is
     * an unreachable Axon Server; an empty token needs nothing from the source and streams the same events. Only
     * processing groups of the query side: a saga must go on starting at the head.
     */
    @Bean
    ConfigurerModule projectionsStartFromTheFirstEvent(ConfigurableListableBeanFactory beans) {
        return configurer -> {
            for (String group : querySideProcessingGroups(beans)) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(group,
                        (configuration, processor) -> processor.initialToken(source -> null));
            }
        };
    }

    /**
     * After each committed batch (its bulk writes flushed at prepare-commit), once per batch rather than per event:
     * whatever keeps answers computed from the read models learns that they may have changed.
     */
    @Bean
    ConfigurerModule readModelChangesArePublished(ConfigurableListableBeanFactory beans, ApplicationEventPublisher publisher) {
        return configurer -> {
            for (String group : querySideProcessingGroups(beans)) {
                ReadModelsChanged changed = new ReadModelsChanged(group);
                String signalled = ReadModelsChanged.class.getName() + "/" + group;
                configurer.eventProcessing().registerHandlerInterceptor(group, configuration -> (unitOfWork, chain) -> {
                    UnitOfWork<?> batch = unitOfWork.root();
                    batch.getOrComputeResource(signalled, key -> {
                        batch.afterCommit(committed -> publisher.publishEvent(changed));
                        return Boolean.TRUE;
                    });
                    return chain.proceed();
                });
            }
        };
    }

    private static Set<String> querySideProcessingGroups(ConfigurableListableBeanFactory beans) {
        String querySide = ProjectionStoreConfiguration.class.getPackageName().replaceAll("\\.projection$", "");
        Set<String> groups = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(bean);
            if (type != null && type.getPackageName().startsWith(querySide)) {
                groups.add(beans.findAnnotationOnBean(bean, ProcessingGroup.class).value());
            }
        }
        return groups;
    }

    /** Switch off where something else balances the segments (Axon Server Enterprise's automatic balancing). */
    @Bean
    @ConditionalOnProperty(name = "ledger.projections.balancer.enabled", matchIfMissing = true)
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, MongoTemplate mongo,
                                    ProjectionProperties properties) {
        return new SegmentBalancer(processing, tokenStore, mongo, NODE_ID, properties.claimTimeout(), properties.balanceInterval());
    }

    /**
     * For projections keeping one document per department and one per staff member (the board); named in
     * projections.yml ({@code sequencing-policy}). A staff member's events go by employee number, wherever the person
     * works: their document must see them all in one segment, in order, for its record of applied events to hold
     * ({@link ReadModelDocument}); by department, an enrolment and a later transfer came through different segments.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> sequencingByStaffMemberOrDepartment() {
        return new PayloadPropertySequencingPolicy("employeeNumber", "departmentId");
    }

    /**
     * Spring Boot's MongoDB health check sends {@code hello}, which the embedded mongo-java-server does not know;
     * {@code ping} answers the same question (is the server there and answering) on both it and a real MongoDB.
     * While the driver's monitor already knows every server to be unreachable, the answer is DOWN at once: a ping
     * would wait for the driver's server selection timeout (30 s) and outlast the readiness probe.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo, MongoClient client) {
        return () -> {
            List<ServerDescription> servers = client.getClusterDescription().getServerDescriptions();
            if (!servers.isEmpty() && servers.stream().allMatch(server -> server.getException() != null)) {
                return Health.down(servers.get(0).getException()).withDetail("servers", servers.size()).build();
            }
            try {
                mongo.executeCommand("{ ping: 1 }");
                return Health.up().build();
            } catch (RuntimeException unreachable) {
                return Health.down(unreachable).build();
            }
        };
    }
}
