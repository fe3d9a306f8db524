package org.servicequality.ledger.ops;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Axon Server mode, as far as it can be tested without an Axon Server: each side, configured as in ops/deploy
 * (readiness group, the query side without an SQL database), wires Axon Server's event store and buses, starts although the server is unreachable, and reports
 * itself unhealthy (503 on the health endpoint, so no traffic is routed to it) while staying alive (liveness UP, so
 * it is not restarted: it reconnects by itself once the server is back).
 */
class AxonServerModeTest {

    private static String unreachableServer;
    /** Where the sides keep their users file (the default, ./data, would be the working directory's). */
    @TempDir
    static Path users;

    @BeforeAll
    static void nothingListens() throws IOException {
        LedgerApplication.disableAxonUpdateChecker();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachableServer = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void theCommandSideRoutesThroughAxonServerAndIsUnhealthyButAliveWithoutIt() throws Exception {
        try (ConfigurableApplicationContext commandSide = start("org.servicequality.ledger.command.CommandSideApplication",
                "command-side", "--spring.datasource.url=jdbc:h2:mem:axon-server-mode;DB_CLOSE_DELAY=-1",
                "--management.endpoint.health.group.readiness.include=readinessState,axonServer,db")) {
            assertThat(commandSide.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(commandSide.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(commandSide.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertUnhealthyButAlive(commandSide);
        }
    }

    @Test
    void theQuerySideReadsEventsFromAxonServerAndIsUnhealthyButAliveWithoutIt() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try (ConfigurableApplicationContext querySide = start("org.servicequality.ledger.query.QuerySideApplication",
                "query-side", "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/readmodels",
                "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "--management.endpoint.health.group.readiness.include=readinessState,axonServer,mongo")) {
            assertThat(querySide.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(querySide.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertUnhealthyButAlive(querySide);
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String mainClass, String configName, String... args) throws ClassNotFoundException {
        // The sides' launchers are package-private (ArchitectureTest): this is how their main methods start them.
        return new SpringApplicationBuilder(Class.forName(mainClass)).run(Stream.concat(Stream.of(
                "--spring.config.name=" + configName,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--axon.axonserver.enabled=true",
                "--axon.axonserver.servers=" + unreachableServer,
                "--axon.axonserver.context=ledger",
                "--ledger.security.users-file=" + users.resolve("users.txt")), Stream.of(args)).toArray(String[]::new));
    }

    private static void assertUnhealthyButAlive(ConfigurableApplicationContext context) {
        RestClient http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            assertThat(health.getBody()).contains("\"status\":\"DOWN\"");
        });
        // The probes of ops/deploy: not ready (the readiness group includes the axonServer check), but alive.
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(503);
        var liveness = http.get().uri("/actuator/health/liveness").retrieve().toEntity(String.class);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(context.isRunning()).isTrue();
    }
}
