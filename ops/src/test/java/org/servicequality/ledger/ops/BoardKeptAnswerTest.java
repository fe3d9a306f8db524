package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * The live board is kept between requests (docs/configuration.md, {@code ledger.board.*}): what it serves catches up
 * with a fresh computation after events arrive, driven by the projections' commits alone (the age bound is set to an
 * hour here), and readers are answered while it is computed again.
 */
class BoardKeptAnswerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theServedBoardCatchesUpWithEveryChange() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "--ledger.board.max-age=PT1H")) {
            register(ledger, "LAB");
            awaitBoardCurrent(ledger);
            assertThat(filed(json(ledger.get("/api/board").body()), "LAB")).isZero();

            String complaintId = fileComplaint(ledger, "LAB");
            awaitBoardCurrent(ledger);
            assertThat(filed(json(ledger.get("/api/board").body()), "LAB")).isEqualTo(1);

            assertThat(ledger.post("/api/complaints/" + complaintId + "/reply",
                    "{\"text\":\"We apologise\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(204);
            register(ledger, "ENT");
            awaitBoardCurrent(ledger);
            JsonNode board = json(ledger.get("/api/board").body());
            assertThat(board.get("departments")).extracting(row -> row.get("departmentId").asText()).containsExactly("ENT", "LAB");
            assertThat(row(board, "LAB").get("total").get("replied").asLong()).isEqualTo(1);
            // The CSV is served from the same kept answer.
            assertThat(ledger.get("/api/board.csv").body()).contains("\nENT,").contains("\nLAB,");
            assertCompressedAndRevalidated(ledger);
        }
    }

    /** Through the real server and its security filters, as a browser reads the board: compressed, then revalidated. */
    private static void assertCompressedAndRevalidated(RunningLedger ledger) throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        URI board = URI.create(ledger.baseUrl() + "/api/board");
        HttpResponse<byte[]> compressed = browser.send(HttpRequest.newBuilder(board).header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        String plain = ledger.get("/api/board").body();
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(json(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo(json(plain));
        }
        String etag = compressed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = browser.send(HttpRequest.newBuilder(board).header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void readersAreAnsweredWhileChangesArrive() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            register(ledger, "LAB");
            ExecutorService readers = Executors.newFixedThreadPool(8);
            AtomicBoolean filing = new AtomicBoolean(true);
            try {
                List<Future<List<Integer>>> statuses = new ArrayList<>();
                for (int reader = 0; reader < 8; reader++) {
                    statuses.add(readers.submit(() -> {
                        List<Integer> seen = new ArrayList<>();
                        while (filing.get()) {
                            seen.add(ledger.get("/api/board").status());
                        }
                        return seen;
                    }));
                }
                for (int complaint = 0; complaint < 10; complaint++) {
                    fileComplaint(ledger, "LAB");
                }
                awaitBoardCurrent(ledger);
                filing.set(false);
                for (Future<List<Integer>> seen : statuses) {
                    assertThat(seen.get(1, TimeUnit.MINUTES)).isNotEmpty().containsOnly(200);
                }
                assertThat(filed(json(ledger.get("/api/board").body()), "LAB")).isEqualTo(10);
            } finally {
                filing.set(false);
                readers.shutdownNow();
            }
        }
    }

    private static void awaitBoardCurrent(RunningLedger ledger) {
        LiveVersusReplayTest.awaitProjectionsCaughtUp(ledger);
    }

    /**
     * Waits until the board served equals one computed now from the read models: what a test reading the board once
     * after the projections caught up needs, the kept answer being eventually consistent.
     */
    static void awaitServedBoardCurrent(RunningLedger ledger) {
        QueryGateway queries = ledger.context().getBean(QueryGateway.class);
        ObjectMapper mapper = ledger.context().getBean(ObjectMapper.class);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode served = json(ledger.get("/api/board").body());
            // Written and read back as the response was: a tree built from the object types numbers differently.
            JsonNode fresh = json(mapper.writeValueAsString(queries.query(new FindPublicBoard(), PublicBoard.class).join()));
            assertThat(served).isEqualTo(fresh);
        });
    }

    private static void register(RunningLedger ledger, String departmentId) {
        assertThat(ledger.post("/api/departments", "{\"departmentId\":\"" + departmentId + "\",\"nameZh\":\"科室\",\"nameEn\":\""
                + departmentId + "\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
    }

    private static String fileComplaint(RunningLedger ledger, String departmentId) throws Exception {
        RunningLedger.Response filed = ledger.post("/api/complaints", complaintFor(departmentId, Instant.now().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return json(filed.body()).get("complaintId").asText();
    }

    private static long filed(JsonNode board, String departmentId) {
        return row(board, departmentId).get("total").get("filed").asLong();
    }

    private static JsonNode row(JsonNode board, String departmentId) {
        for (JsonNode row : board.get("departments")) {
            if (row.get("departmentId").asText().equals(departmentId)) {
                return row;
            }
        }
        throw new AssertionError("No " + departmentId + " on the board: " + board);
    }
}
