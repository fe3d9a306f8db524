package org.servicequality.ledger.query.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.servicequality.ledger.query.projection.ReadModelsChanged;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The live board as sent: compressed for clients that accept gzip, plain for others, revalidated by its entity tag. */
class BoardEncodingTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final LiveBoardTest.Boards boards = new LiveBoardTest.Boards();
    private final LiveBoard live = new LiveBoard(boards.gateway(), mapper, clock,
            new BoardProperties(Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(30)));
    private final AsOfViews views = asOf -> new AsOfViews.ReadSide(boards.gateway(), clock, null);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BoardController(views, clock, live, mapper)).build();

    @AfterEach
    void tearDown() {
        live.destroy();
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameBoardCompressed() throws Exception {
        byte[] plain = mvc.perform(get("/api/board"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
                .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
                .andReturn().getResponse().getContentAsByteArray();

        MvcResult compressed = mvc.perform(get("/api/board").header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
                .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
                .andReturn();

        assertThat(gunzip(compressed.getResponse().getContentAsByteArray())).isEqualTo(plain);
        assertThat(mapper.readTree(plain).get("scoringVersion").asText()).isEqualTo("1");
        assertThat(compressed.getResponse().getHeader(HttpHeaders.ETAG))
                .as("each encoding is a representation of its own").isNotEqualTo(etagOf(get("/api/board")));
    }

    @Test
    void aClientHoldingTheCurrentBoardIsToldItIsUnchanged() throws Exception {
        String etag = etagOf(get("/api/board"));

        mvc.perform(get("/api/board").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag));
        mvc.perform(get("/api/board").header(HttpHeaders.IF_NONE_MATCH, "\"an-older-board\""))
                .andExpect(status().isOk());
        String gzipEtag = etagOf(get("/api/board").header(HttpHeaders.ACCEPT_ENCODING, "gzip"));
        mvc.perform(get("/api/board").header(HttpHeaders.ACCEPT_ENCODING, "gzip").header(HttpHeaders.IF_NONE_MATCH, gzipEtag))
                .andExpect(status().isNotModified());
        // a client that no longer accepts gzip is sent the plain board
        mvc.perform(get("/api/board").header(HttpHeaders.IF_NONE_MATCH, gzipEtag)).andExpect(status().isOk());
    }

    @Test
    void theEntityTagChangesWithTheBoard() throws Exception {
        String first = etagOf(get("/api/board"));
        live.on(new ReadModelsChanged("board"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !etagOf(get("/api/board")).equals(first));
        mvc.perform(get("/api/board").header(HttpHeaders.IF_NONE_MATCH, first)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE                   | false
            gzip                   | true
            'gzip, deflate, br'    | true
            'deflate, GZIP;q=0.5'  | true
            x-gzip                 | true
            gzip;q=0               | false
            'gzip; q=0.000, br'    | false
            gzip;q=abc             | false
            'br, deflate'          | false
            identity               | false
            """)
    void acceptEncodingIsReadWithItsQualities(String header, boolean gzip) {
        assertThat(BoardController.acceptsGzip(header)).isEqualTo(gzip);
    }

    private String etagOf(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
