package org.servicequality.ledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Spreads each streaming processor's segments over the live query-side instances. Axon's processors claim every
 * free segment they can, so the first instance would keep them all and a newly started one would idle; here each
 * instance announces itself in MongoDB and, when it holds more than its fair share (segments / live instances,
 * rounded up), releases the surplus for a while so the others claim it. A killed instance's claims simply expire
 * (claim timeout) and the survivors claim them: nothing here is needed for take-over.
 */
final class SegmentBalancer implements SmartLifecycle {

    static final String INSTANCES = "projection_instances";

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final MongoTemplate mongo;
    private final String nodeId;
    private final Duration claimTimeout;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, MongoTemplate mongo,
                    String nodeId, Duration claimTimeout, Duration interval) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.mongo = mongo;
        this.nodeId = nodeId;
        this.claimTimeout = claimTimeout;
        this.interval = interval;
    }

    void balance() {
        Instant now = clock.instant();
        mongo.upsert(query(where("_id").is(nodeId)), Update.update("seenAt", now), INSTANCES);
        // An instance is alive for as long as its claims would be: after that the others take its segments anyway.
        long live = Math.max(1, mongo.count(query(where("seenAt").gt(now.minus(claimTimeout))), INSTANCES));
        mongo.remove(query(where("seenAt").lt(now.minus(claimTimeout.multipliedBy(100)))), INSTANCES);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            int segments = tokenStore.fetchSegments(processor.getName()).length;
            int fairShare = (int) ((segments + live - 1) / live);
            List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
            for (int i = fairShare; i < held.size(); i++) {
                log.info("Releasing segment {} of {} to another instance ({} live, fair share {} of {})",
                        held.get(i), processor.getName(), live, fairShare, segments);
                // Long enough for another instance's next claim, short enough to come back if nobody takes it.
                processor.releaseSegment(held.get(i), claimTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                // MongoDB briefly unreachable: the processors report that themselves; try again next time.
                log.debug("Segment balancing skipped", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        executor = null;
        try {
            // Leaving: let the others count without this instance at once rather than after the claim timeout.
            mongo.remove(query(where("_id").is(nodeId)), INSTANCES);
        } catch (RuntimeException unreachable) {
            log.debug("Could not sign off; this instance stops counting once its last heartbeat is too old", unreachable);
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** After Axon's processors have started (Axon's lifecycle phases are far below this). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
