package org.servicequality.ledger.query.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where each streaming event processor stands against the head of the event store, as health and metrics report it.
 * Positions are the store's global index (an index left unused by a rolled-back append counts as an event), and only
 * the segments this instance has claimed count: in the scaled-out mode every query side reports its own share.
 * Snapshots are kept for a second, so that health checks and metric scrapes arriving together ask the store once.
 */
final class ProcessorProgress {

    enum State { CAUGHT_UP, CATCHING_UP, REPLAYING, STALLED, NO_SEGMENTS_CLAIMED }

    record Snapshot(String processor, State state, int segmentsClaimed, OptionalLong position, OptionalLong head,
                    long eventsBehind, double secondsBehind, OptionalDouble replayProgress, ProcessorStalls.Stall stall) {
    }

    private static final Duration KEEP = Duration.ofSeconds(1);

    private record Timed(Instant at, Snapshot snapshot) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProcessorStalls stalls;
    private final Clock clock;
    private final Map<String, Timed> recent = new ConcurrentHashMap<>();

    ProcessorProgress(EventProcessingConfiguration processing, EventStore events, ProcessorStalls stalls, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.stalls = stalls;
        this.clock = clock;
    }

    /** The streaming processors by name (subscribing processors run inside the command and cannot lag). */
    Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    Snapshot of(String name, StreamingEventProcessor processor) {
        Instant now = clock.instant();
        Timed timed = recent.get(name);
        if (timed == null || timed.at().plus(KEEP).isBefore(now)) {
            timed = new Timed(now, measure(name, processor, now));
            recent.put(name, timed);
        }
        return timed.snapshot();
    }

    private Snapshot measure(String name, StreamingEventProcessor processor, Instant now) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        ProcessorStalls.Stall stall = stalls.of(name).orElse(null);
        if (stall == null) {
            stall = segments.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .map(failed -> new ProcessorStalls.Stall(String.valueOf(failed.getError()), null, null, null, null, now, 1))
                    .orElse(null);
        }
        OptionalLong head = head();
        if (segments.isEmpty()) {
            return new Snapshot(name, stall != null ? State.STALLED : State.NO_SEGMENTS_CLAIMED, 0, OptionalLong.empty(), head,
                    0, 0, OptionalDouble.empty(), stall);
        }
        boolean fromTheStart = segments.stream().anyMatch(s -> s.getTrackingToken() == null);
        OptionalLong position = fromTheStart ? OptionalLong.empty()
                : segments.stream().map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        long eventsBehind = head.isEmpty() ? 0 : Math.max(0, head.getAsLong() - position.orElse(-1));
        double secondsBehind = eventsBehind == 0 ? 0 : ageOfOldestUnprocessedEvent(segments, fromTheStart, now);
        OptionalDouble replay = segments.stream().filter(EventTrackerStatus::isReplaying)
                .filter(s -> s.getCurrentPosition().isPresent() && s.getResetPosition().isPresent() && s.getResetPosition().getAsLong() > 0)
                .mapToDouble(s -> Math.min(1.0, (double) s.getCurrentPosition().getAsLong() / s.getResetPosition().getAsLong()))
                .min();
        State state = stall != null ? State.STALLED
                : replay.isPresent() ? State.REPLAYING
                : eventsBehind == 0 && segments.stream().allMatch(EventTrackerStatus::isCaughtUp) ? State.CAUGHT_UP
                : State.CATCHING_UP;
        return new Snapshot(name, state, segments.size(), position, head, eventsBehind, secondsBehind, replay, stall);
    }

    /** Empty while the event store does not answer (the {@code db} health component then says why). */
    private OptionalLong head() {
        try {
            TrackingToken head = events.createHeadToken();
            return head == null ? OptionalLong.empty() : head.position();
        } catch (RuntimeException unreachable) {
            return OptionalLong.empty();
        }
    }

    /** How long ago the first event this processor has not handled yet was stored. */
    private double ageOfOldestUnprocessedEvent(Collection<EventTrackerStatus> segments, boolean fromTheStart, Instant now) {
        TrackingToken lowest = fromTheStart ? null : segments.stream()
                .map(s -> WrappedToken.unwrapLowerBound(s.getTrackingToken()))
                .reduce(TrackingToken::lowerBound).orElse(null);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(lowest)) {
            if (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                return Math.max(0, Duration.between(stream.nextAvailable().getTimestamp(), now).toMillis() / 1000.0);
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
