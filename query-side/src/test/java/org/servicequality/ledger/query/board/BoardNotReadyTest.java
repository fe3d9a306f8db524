package org.servicequality.ledger.query.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A board that is not ready in time is a 503 problem the client may retry, not a 500. */
class BoardNotReadyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final LiveBoardTest.Boards boards = new LiveBoardTest.Boards();
    private final LiveBoard live = new LiveBoard(boards.gateway(), mapper, clock,
            new BoardProperties(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(100)));

    @AfterEach
    void tearDown() {
        boards.open();
        live.destroy();
    }

    @Test
    void theFirstBoardNotReadyInTimeIsA503WithRetryAfter() throws Exception {
        AsOfViews views = asOf -> new AsOfViews.ReadSide(boards.gateway(), clock, null);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new BoardController(views, clock, live, mapper)).build();
        boards.close();

        mvc.perform(get("/api/board"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", BoardController.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.title").value("Board not ready"));

        boards.open();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(get("/api/board"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scoringVersion").value("1")));
    }
}
