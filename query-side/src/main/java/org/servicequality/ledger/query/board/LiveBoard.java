package org.servicequality.ledger.query.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryGateway;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.query.projection.ReadModelsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

/**
 * The live board's answer, kept and shared by every request instead of computed for each (one answer reads about
 * 900 read-model documents; docs/benchmarks.md). The board is eventually consistent by design, so an answer may be
 * served a little after the read models moved on:
 * <ul>
 *     <li>it is computed again when a batch of the query side's projections has committed in this process since
 *     the answer's computation began ({@link ReadModelsChanged}) and the answer is at least
 *     {@code ledger.board.min-interval} old, when it is older than {@code ledger.board.max-age}
 *     (projections run by another instance signal nothing here), or when the organisation's day has changed (overdue
 *     flags, the current month);</li>
 *     <li>one computation at a time, on a thread of its own: meanwhile every request gets the previous answer
 *     (stale-while-revalidate), so no reader queues behind a computation. Only while there is no answer at all
 *     (the first request) do requests wait, for the same single computation, at most
 *     {@code ledger.board.answer-timeout}.</li>
 * </ul>
 * Past views ({@code ?asOf=}) are not the live board and never come here.
 */
@Component
@EnableConfigurationProperties(BoardProperties.class)
class LiveBoard implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveBoard.class);

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock organisationClock;
    private final Duration maxAge;
    private final Duration minInterval;
    private final Duration answerTimeout;
    private final ExecutorService computer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "live-board");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<CompletableFuture<Answer>> computing = new AtomicReference<>();
    private volatile Answer kept;

    LiveBoard(QueryGateway queries, ObjectMapper json, Clock organisationClock, BoardProperties settings) {
        this.queries = queries;
        this.json = json;
        this.organisationClock = organisationClock;
        this.maxAge = settings.maxAge();
        this.minInterval = settings.minInterval();
        this.answerTimeout = settings.answerTimeout();
    }

    /**
     * @param json        the board as {@code GET /api/board} sends it, written once rather than for every request
     * @param changesSeen how many change signals had arrived when the computation began
     */
    private record Answer(PublicBoard board, Json json, long changesSeen, Instant computedAt, LocalDate day) {
    }

    /**
     * The board's JSON as sent, in both encodings, and its entity tag. Compressed once per computation: with every
     * department's open rectifications the board runs to megabytes over a long history, and compressing it for each
     * request would cost more than computing it.
     *
     * @param etag a strong entity tag of {@code plain}; the compressed bytes are another representation, tagged
     *             {@code etag + "-gzip"} by the controller
     */
    record Json(byte[] plain, byte[] gzipped, String etag) {

        static Json of(byte[] plain) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 8 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(plain);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return new Json(plain, compressed.toByteArray(), DigestUtils.md5DigestAsHex(plain));
        }
    }

    @EventListener
    void on(ReadModelsChanged changed) {
        changes.incrementAndGet();
    }

    /**
     * The kept answer, starting a computation of the next one if it is out of date.
     *
     * @throws BoardNotReadyException when there is no answer yet and the first one is not ready in time
     */
    PublicBoard board() {
        return answer().board();
    }

    /** {@link #board()} as JSON, written with the application's object mapper. */
    Json json() {
        return answer().json();
    }

    private Answer answer() {
        Answer answer = kept;
        if (answer == null) {
            return await(compute());
        }
        if (!upToDate(answer)) {
            compute();
        }
        return answer;
    }

    private boolean upToDate(Answer answer) {
        Instant now = organisationClock.instant();
        // A clock set back must not keep an answer for as long as it went back.
        return (answer.changesSeen() == changes.get() || now.isBefore(answer.computedAt().plus(minInterval)))
                && !now.isBefore(answer.computedAt())
                && now.isBefore(answer.computedAt().plus(maxAge))
                && LocalDate.ofInstant(now, organisationClock.getZone()).equals(answer.day());
    }

    /** The computation under way, or a new one if none is. */
    private CompletableFuture<Answer> compute() {
        while (true) {
            CompletableFuture<Answer> running = computing.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Answer> next = new CompletableFuture<>();
            if (computing.compareAndSet(null, next)) {
                try {
                    computer.execute(() -> compute(next));
                } catch (RejectedExecutionException stopping) {
                    computing.set(null);
                    next.completeExceptionally(stopping);
                }
                return next;
            }
        }
    }

    /** The answer is kept before the computation is marked finished, so no request starts another one for nothing. */
    private void compute(CompletableFuture<Answer> next) {
        try {
            long changesSeen = changes.get();
            Instant started = organisationClock.instant();
            PublicBoard board = queries.query(new FindPublicBoard(), PublicBoard.class).join();
            Answer answer = new Answer(board, Json.of(json.writeValueAsBytes(board)), changesSeen, started, LocalDate.ofInstant(started, organisationClock.getZone()));
            kept = answer;
            computing.set(null);
            next.complete(answer);
        } catch (JsonProcessingException | RuntimeException | Error failed) {
            computing.set(null);
            next.completeExceptionally(failed);
            if (kept != null) {
                LOG.warn("The board could not be computed again; the previous answer is served until it can", failed);
            }
        }
    }

    private Answer await(CompletableFuture<Answer> answer) {
        try {
            return answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            throw new BoardNotReadyException("The board is being computed and was not ready within " + answerTimeout, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BoardNotReadyException("Interrupted while waiting for the board", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
                if (reason instanceof TimeoutException) {
                    throw new BoardNotReadyException("A query for the board timed out", cause);
                }
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    @Override
    public void destroy() {
        computer.shutdownNow();
    }
}
