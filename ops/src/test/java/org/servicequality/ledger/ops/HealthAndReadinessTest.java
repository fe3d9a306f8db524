package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * The probes on the embedded defaults: readiness lists both stores and every event processor, goes DOWN while a store
 * is unreachable, and a processor stuck on a failing event shows as STALLED, naming the event, until the event goes
 * through: it is retried, not skipped.
 */
class HealthAndReadinessTest {

    private static final String DEPARTMENT = "{\"departmentId\":\"%s\",\"nameZh\":\"检验科\",\"nameEn\":\"Laboratory\",\"kind\":\"MEDICAL_TECHNICAL\"}";

    @TempDir
    Path dataDirectory;

    @Test
    void readinessGoesDownWhileAStoreIsUnreachable() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory,
                "--spring.main.sources=" + ShortMongoTimeouts.class.getName())) {
            var ready = ledger.get("/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(200);
            JsonNode components = json(ready.body()).get("components");
            assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
            assertThat(components.get("mongo").get("status").asText()).isEqualTo("UP");
            assertThat(components.get("eventProcessors").get("components").fieldNames())
                    .toIterable().contains("board", "department-statistics", "rankings");
            assertThat(ledger.get("/actuator/health/liveness").status()).isEqualTo(200);

            ledger.context().getBean(MongoServer.class).shutdownNow();
            await("readiness DOWN without the read-model store").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var response = ledger.get("/actuator/health/readiness");
                assertThat(response.status()).isEqualTo(503);
                assertThat(json(response.body()).get("components").get("mongo").get("status").asText()).isEqualTo("DOWN");
            });
            assertThat(ledger.get("/actuator/health/liveness").status()).isEqualTo(200);

            ledger.context().getBean(HikariDataSource.class).close();
            var response = ledger.get("/actuator/health/readiness");
            assertThat(response.status()).isEqualTo(503);
            assertThat(json(response.body()).get("components").get("db").get("status").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void aProcessorStuckOnAFailingEventIsStalledAndRetriesItUntilItGoesThrough() throws Exception {
        PoisonedProjection.cured.set(false);
        try (RunningLedger ledger = RunningLedger.start(dataDirectory,
                "--spring.main.sources=" + PoisonedProjection.class.getName())) {
            ledger.post("/api/departments", DEPARTMENT.formatted("LAB"));
            ledger.post("/api/departments", DEPARTMENT.formatted(PoisonedProjection.POISONED_DEPARTMENT));
            String complaintId = json(ledger.post("/api/complaints", complaintFor(PoisonedProjection.POISONED_DEPARTMENT)).body())
                    .get("complaintId").asText();

            await("the processor stalled").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var health = ledger.get("/actuator/health/readiness");
                // Still ready: every instance would stall on the same event, taking one out helps nobody.
                assertThat(health.status()).isEqualTo(200);
                JsonNode poisoned = json(health.body()).get("components").get("eventProcessors").get("components").get("poisoned");
                assertThat(poisoned.get("status").asText()).isEqualTo("STALLED");
                JsonNode stalled = poisoned.get("details").get("stalled");
                assertThat(stalled.get("eventType").asText()).isEqualTo("ComplaintFiled");
                assertThat(stalled.get("aggregateId").asText()).isEqualTo(complaintId);
                assertThat(stalled.get("error").asText()).contains("poisoned on purpose");
            });
            assertThat(json(ledger.get("/actuator/health").body()).get("status").asText()).isEqualTo("STALLED");
            // The other processors go on.
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.get("/api/board").body().contains(PoisonedProjection.POISONED_DEPARTMENT));

            // The processor kept its place: once the event can be handled, it is, exactly once.
            PoisonedProjection.cured.set(true);
            await("the processor caught up").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode poisoned = json(ledger.get("/actuator/health/readiness").body())
                        .get("components").get("eventProcessors").get("components").get("poisoned");
                assertThat(poisoned.get("status").asText()).isEqualTo("UP");
                assertThat(poisoned.get("details").get("state").asText()).isEqualTo("caught-up");
            });
            assertThat(PoisonedProjection.handled).containsExactly(complaintId);
            assertThat(json(ledger.get("/actuator/health").body()).get("status").asText()).isEqualTo("UP");
        }
    }

    /** An extra event processor whose handler fails on one department's complaints until cured. */
    @ProcessingGroup("poisoned")
    static class PoisonedProjection {

        static final String POISONED_DEPARTMENT = "POISONED";
        static final AtomicBoolean cured = new AtomicBoolean();
        static final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(ComplaintFiled event) {
            if (event.departmentId().equals(POISONED_DEPARTMENT)) {
                if (!cured.get()) {
                    throw new IllegalStateException("poisoned on purpose");
                }
                handled.add(event.complaintId());
            }
        }
    }

    /** Once the embedded MongoDB is gone, every write the shutdown still tries gives up after 2 s instead of 30. */
    static class ShortMongoTimeouts {

        @Bean
        MongoClientSettingsBuilderCustomizer shortServerSelectionTimeout() {
            return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS));
        }
    }
}
