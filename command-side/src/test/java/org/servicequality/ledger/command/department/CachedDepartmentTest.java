package org.servicequality.ledger.command.department;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.PublishServiceCommitment;
import org.servicequality.ledger.api.department.RegisterDepartment;
import org.servicequality.ledger.api.department.RetireDepartment;
import org.servicequality.ledger.api.department.WithdrawServiceCommitment;
import org.servicequality.ledger.command.eventstore.BoundedAggregateCache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The aggregate cache against a fresh load from the same events: same decisions, and nothing kept from a failed command. */
class CachedDepartmentTest {

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final BoundedAggregateCache cache = new BoundedAggregateCache(100);
    private final List<Configuration> started = new ArrayList<>();

    @AfterEach
    void shutDown() {
        started.forEach(Configuration::shutdown);
    }

    private CommandGateway ledger(boolean cached) {
        AggregateConfigurer<Department> department = AggregateConfigurer.defaultConfiguration(Department.class);
        if (cached) {
            department.configureCache(configuration -> cache);
        }
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration1 -> events)
                .registerComponent(DepartmentDirectory.class, configuration1 -> new EventSourcedDepartmentDirectory(configuration1.eventStore()))
                .configureAggregate(department)
                .buildConfiguration();
        configuration.start();
        started.add(configuration);
        return configuration.commandGateway();
    }

    @Test
    void aRejectedCommandLeavesNothingInTheCacheAndTheNextCommandSeesTheStoredState() {
        CommandGateway cached = ledger(true);
        cached.sendAndWait(new RegisterDepartment("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        cached.sendAndWait(new PublishServiceCommitment("CARDIOLOGY", "C1", "一", "One", null));
        assertThat(cache.containsKey("CARDIOLOGY")).isTrue();

        Throwable refused = catchThrowable(() -> cached.sendAndWait(new PublishServiceCommitment("CARDIOLOGY", "C1", "一", "One", null)));

        assertThat(refused).isInstanceOf(CommandRejectedException.class);
        assertThat(cache.containsKey("CARDIOLOGY")).isFalse();
        cached.sendAndWait(new PublishServiceCommitment("CARDIOLOGY", "C2", "二", "Two", null));
        assertThat(cache.containsKey("CARDIOLOGY")).isTrue();
    }

    @Test
    void theCachedAggregateDecidesLikeOneLoadedFromItsEvents() {
        CommandGateway cached = ledger(true);
        CommandGateway fresh = ledger(false);
        List<Function<String, Object>> probes = List.of(
                id -> new PublishServiceCommitment(id, "C1", "一", "One", null),
                id -> new PublishServiceCommitment(id, "C3", "三", "Three", null),
                id -> new WithdrawServiceCommitment(id, "C1", null),
                id -> new WithdrawServiceCommitment(id, "C2", null),
                id -> new WithdrawServiceCommitment(id, "C9", null),
                id -> new RetireDepartment(id, "Merged", null));
        for (boolean retired : new boolean[] {false, true}) {
            for (int probe = 0; probe < probes.size(); probe++) {
                // Twin departments with the same history, one decided from the cache, the other loaded from its events.
                String inCache = "CACHED-" + retired + "-" + probe;
                String fromEvents = "LOADED-" + retired + "-" + probe;
                for (String id : List.of(inCache, fromEvents)) {
                    cached.sendAndWait(new RegisterDepartment(id, "病区", "Ward", DepartmentKind.CLINICAL));
                    cached.sendAndWait(new PublishServiceCommitment(id, "C1", "一", "One", null));
                    cached.sendAndWait(new PublishServiceCommitment(id, "C2", "二", "Two", null));
                    cached.sendAndWait(new WithdrawServiceCommitment(id, "C1", null));
                    if (retired) {
                        cached.sendAndWait(new RetireDepartment(id, "Closed", null));
                    }
                }
                cache.remove(fromEvents);
                assertThat(cache.containsKey(inCache)).isTrue();

                String decidedFromCache = outcome(cached, probes.get(probe).apply(inCache));
                String decidedFromEvents = outcome(fresh, probes.get(probe).apply(fromEvents));

                assertThat(decidedFromCache.replace(inCache, "ID")).as(inCache).isEqualTo(decidedFromEvents.replace(fromEvents, "ID"));
            }
        }
    }

    private static String outcome(CommandGateway gateway, Object command) {
        Throwable refused = catchThrowable(() -> gateway.sendAndWait(command));
        return refused == null ? "accepted" : refused instanceof CommandRejectedException rejected ? rejected.getMessage() : String.valueOf(refused);
    }
}
