package org.servicequality.ledger.query.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.query.projection.ReadModelsChanged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The kept live board: when it is computed again, and that readers never wait behind a computation. */
class LiveBoardTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(500);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-07-15T04:00:00Z"));
    private final Boards boards = new Boards();
    private final ExecutorService readers = Executors.newFixedThreadPool(16);
    private LiveBoard live = liveBoard(Duration.ofSeconds(30));

    @AfterEach
    void tearDown() {
        boards.open();
        readers.shutdownNow();
        live.destroy();
    }

    @Test
    void theAnswerIsKeptUntilTheReadModelsChange() throws Exception {
        assertThat(computation(live.board())).isEqualTo(1);
        assertThat(computation(live.board())).isEqualTo(1);
        assertThat(live.json().plain()).isEqualTo(mapper.writeValueAsBytes(live.board()));
        assertThat(boards.computations.get()).isEqualTo(1);

        live.on(new ReadModelsChanged("board"));
        assertThat(computation(live.board())).as("the previous answer, while the next is computed").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
        assertThat(boards.computations.get()).isEqualTo(2);
    }

    @Test
    void changesWithinTheMinimumIntervalWaitForIt() {
        live.destroy();
        live = new LiveBoard(boards.gateway(), mapper, clock, new BoardProperties(MAX_AGE, MIN_INTERVAL, Duration.ofSeconds(30)));
        assertThat(computation(live.board())).isEqualTo(1);

        live.on(new ReadModelsChanged("board"));
        clock.advance(MIN_INTERVAL.minusMillis(1));
        assertThat(computation(live.board())).isEqualTo(1);
        assertThat(boards.computations.get()).as("no computation inside the interval").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(computation(live.board())).as("the previous answer, while the next is computed").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
    }

    @Test
    void readersGetThePreviousAnswerWhileOneRequestStartsTheNext() throws Exception {
        live.board();
        boards.close();
        live.on(new ReadModelsChanged("department-statistics"));

        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (int reader = 0; reader < 16; reader++) {
            answers.add(readers.submit(() -> {
                List<Integer> seen = new ArrayList<>();
                for (int read = 0; read < 50; read++) {
                    seen.add(computation(live.board()));
                }
                return seen;
            }));
        }
        // Every reader is answered while the computation is held up: none queued behind it.
        for (Future<List<Integer>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsOnly(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> boards.computations.get() == 2);
        assertThat(boards.computations.get()).as("one computation for 800 stale reads").isEqualTo(2);

        boards.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
        assertThat(boards.computations.get()).isEqualTo(2);
    }

    @Test
    void theFirstRequestsWaitForOneComputation() throws Exception {
        boards.close();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int reader = 0; reader < 8; reader++) {
            answers.add(readers.submit(() -> computation(live.board())));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> boards.computations.get() == 1);
        assertThat(answers).noneMatch(Future::isDone);

        boards.open();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(boards.computations.get()).isEqualTo(1);
    }

    /** Projections run by another instance signal nothing here: the age alone bounds how stale the answer gets. */
    @Test
    void anAnswerOlderThanTheMaximumAgeIsComputedAgain() {
        live.board();
        clock.advance(MAX_AGE.minusMillis(1));
        assertThat(computation(live.board())).isEqualTo(1);
        assertThat(boards.computations.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(computation(live.board())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
    }

    @Test
    void aNewDayInTheOrganisationsTimeZoneNeedsANewAnswer() {
        live.destroy();
        live = new LiveBoard(boards.gateway(), mapper, clock, new BoardProperties(Duration.ofDays(2), Duration.ZERO, Duration.ofSeconds(30)));
        clock.set(Instant.parse("2026-07-31T15:59:59Z"));
        live.board();
        clock.advance(Duration.ofSeconds(2));
        live.board();
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
    }

    @Test
    void aClockSetBackDoesNotKeepTheAnswer() {
        live.board();
        clock.advance(Duration.ofHours(-1));
        live.board();
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 2);
    }

    @Test
    void withoutAnAnswerInTimeTheBoardIsNotReady() {
        live.destroy();
        live = liveBoard(Duration.ofMillis(100));
        boards.close();
        assertThatThrownBy(live::board).isInstanceOf(BoardNotReadyException.class);
        boards.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) == 1);
    }

    @Test
    void aQueryThatTimedOutMakesTheBoardNotReady() {
        boards.failure.set(new IllegalStateException("the query bus gave up", new TimeoutException("30 s")));
        assertThatThrownBy(live::board).isInstanceOf(BoardNotReadyException.class);
    }

    @Test
    void aFailedComputationLeavesThePreviousAnswerServed() {
        live.board();
        boards.failure.set(new IllegalStateException("MongoDB unreachable"));
        live.on(new ReadModelsChanged("board"));
        assertThat(computation(live.board())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> boards.computations.get() >= 2);
        assertThat(computation(live.board())).isEqualTo(1);

        boards.failure.set(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> computation(live.board()) > 1);
    }

    private LiveBoard liveBoard(Duration answerTimeout) {
        return new LiveBoard(boards.gateway(), mapper, clock, new BoardProperties(MAX_AGE, Duration.ZERO, answerTimeout));
    }

    /** Which computation produced the answer; {@link Boards} numbers them in the scoring-version field. */
    private static int computation(PublicBoard board) {
        return Integer.parseInt(board.scoringVersion());
    }

    /** Answers the board query with a numbered board, optionally held up or failing. */
    static final class Boards {

        final AtomicInteger computations = new AtomicInteger();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        @QueryHandler
        PublicBoard handle(FindPublicBoard query) throws InterruptedException {
            int computation = computations.incrementAndGet();
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let through");
            }
            RuntimeException failing = failure.get();
            if (failing != null) {
                throw failing;
            }
            return new PublicBoard("2026-07", Integer.toString(computation), List.of(), List.of());
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        DefaultQueryGateway gateway() {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(this).subscribe(bus);
            return DefaultQueryGateway.builder().queryBus(bus).build();
        }
    }

    static final class SettableClock extends Clock {

        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
