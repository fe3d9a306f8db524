package org.servicequality.ledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event processors never skip an event: a handler's exception fails the batch, the failing event is logged with its
 * id, and the processor keeps its token and retries the batch with a growing back-off (Axon's default for a failed
 * batch; its default for a failed handler is to log and go on, which would leave the read models short for good).
 * Each processor's state (caught up, catching up, replaying with progress, stalled with the failing event) is shown
 * by the {@code eventProcessors} health component and the {@code ledger.projection.*} meters. docs/reliability.md.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMonitoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMonitoringConfiguration.class);

    /** Shown by health while a processor is stuck; ordered between DOWN and UP in application.yml. */
    static final Status STALLED = new Status("STALLED", "an event keeps failing; the processor retries it and goes no further");

    @Bean
    ProcessorStalls processorStalls() {
        return new ProcessorStalls(Clock.systemUTC());
    }

    @Bean
    ConfigurerModule eventsAreRetriedNeverSkipped(ProcessorStalls stalls) {
        ListenerInvocationErrorHandler rethrowWithTheEvent = (exception, event, handler) -> {
            throw new EventHandlingFailure(event, handler.getTargetType(), exception);
        };
        ErrorHandler logAndRetry = context -> {
            ProcessorStalls.Stall stall = stalls.failed(context);
            log.error("Event processor [{}] failed on event {} ({}, aggregate {} #{}), attempt {} since {}; the batch of {} event(s) "
                            + "is rolled back, not skipped: a streaming processor keeps its token and retries it after a back-off, "
                            + "a subscribing one fails the command that published it", context.eventProcessor(), stall.eventId(), stall.eventType(),
                    stall.aggregateId(), stall.sequence(), stall.attempts(), stall.since(), context.failedEvents().size(), context.error());
            throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
        };
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> rethrowWithTheEvent)
                .registerDefaultErrorHandler(c -> logAndRetry)
                .registerDefaultHandlerInterceptor((c, processor) -> clearStallOnCommit(stalls, processor));
    }

    /** Correlation id, event and processor in every log line written while an event is handled. */
    @Bean
    ConfigurerModule eventLoggingContext() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((c, processor) -> new EventLoggingContext(processor));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> clearStallOnCommit(ProcessorStalls stalls, String processor) {
        String resource = ProcessorStalls.class.getName() + "." + processor;
        return (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(resource, key -> {
                unitOfWork.root().afterCommit(committed -> stalls.committed(processor));
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

    @Bean
    ProcessorProgress processorProgress(@Lazy EventProcessingConfiguration processing, @Lazy EventStore events, ProcessorStalls stalls) {
        return new ProcessorProgress(processing, events, stalls, Clock.systemUTC());
    }

    /** One component per streaming processor, under {@code eventProcessors}. */
    @Bean
    HealthContributor eventProcessorsHealthContributor(ProcessorProgress progress) {
        return new CompositeHealthContributor() {
            @Override
            public HealthContributor getContributor(String name) {
                var processor = progress.processors().get(name);
                return processor == null ? null : (HealthIndicator) () -> health(progress.of(name, processor));
            }

            @Override
            public Iterator<NamedContributor<HealthContributor>> iterator() {
                return progress.processors().keySet().stream()
                        .map(name -> NamedContributor.of(name, getContributor(name)))
                        .iterator();
            }
        };
    }

    private static Health health(ProcessorProgress.Snapshot snapshot) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", snapshot.state().name().toLowerCase().replace('_', '-'));
        details.put("segmentsClaimed", snapshot.segmentsClaimed());
        snapshot.position().ifPresent(position -> details.put("position", position));
        snapshot.head().ifPresent(head -> details.put("head", head));
        details.put("eventsBehind", snapshot.eventsBehind());
        if (!Double.isNaN(snapshot.secondsBehind())) {
            details.put("secondsBehind", snapshot.secondsBehind());
        }
        snapshot.replayProgress().ifPresent(progress -> details.put("replayProgress", progress));
        if (snapshot.stall() != null) {
            ProcessorStalls.Stall stall = snapshot.stall();
            Map<String, Object> failing = new LinkedHashMap<>();
            failing.put("error", stall.error());
            if (stall.eventId() != null) {
                failing.put("eventId", stall.eventId());
                failing.put("eventType", stall.eventType());
                failing.put("aggregateId", stall.aggregateId());
                failing.put("sequence", stall.sequence());
            }
            failing.put("since", stall.since().toString());
            failing.put("attempts", stall.attempts());
            details.put("stalled", failing);
            return Health.status(STALLED).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    /** Processors exist once Axon has started, after the meter registry: their meters are added when the application is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorMeters(ProcessorProgress progress, MeterRegistry registry) {
        return ready -> progress.processors().forEach((name, processor) -> {
            Gauge.builder("ledger.projection.lag.events", () -> progress.of(name, processor).eventsBehind())
                    .description("Events (global index positions) between the processor's position and the head of the event store")
                    .tag("processor", name).register(registry);
            Gauge.builder("ledger.projection.lag", () -> progress.of(name, processor).secondsBehind())
                    .description("Age of the oldest event the processor has not handled yet; 0 when caught up")
                    .tag("processor", name).baseUnit("seconds").register(registry);
            Gauge.builder("ledger.projection.stalled", () -> progress.of(name, processor).stall() == null ? 0 : 1)
                    .description("1 while an event keeps failing in the processor, which then retries it and goes no further")
                    .tag("processor", name).register(registry);
        });
    }
}
