package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.security.InternalClient;
import org.servicequality.ledger.ops.security.UsersFile;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/**
 * The scaled-out mode as separate processes on loopback: one command side and two query sides sharing one event
 * store (a real PostgreSQL) and one MongoDB endpoint (mongo-java-server in this JVM). Both query sides take a share of
 * the board's segments and answer; one is killed and the other takes over its segments; the read model converges to
 * exactly what a fresh replay into a new database produces.
 */
class ScaledOutTest {

    private static final String PROCESSOR = "board";
    private static final int SEGMENTS = 4;
    private static final List<String> DEPARTMENTS = List.of("ICU", "EMERGENCY", "PHARMACY", "RADIOLOGY", "CASHIER", "OUTPATIENT");

    @TempDir
    Path logs;

    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Path> logOf = new HashMap<>();
    private LocalPostgres postgres;
    private MongoServer mongoServer;
    private MongoClient mongo;

    @AfterEach
    void stopEverything() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            process.waitFor();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void querySidesShareTheSegmentsTakeOverFromAKilledOneAndConvergeToAReplay() throws Exception {
        postgres = LocalPostgres.start();
        String eventStore = postgres.createDatabase("scaled_out");
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        String mongoAddress = "127.0.0.1:" + mongoServer.getLocalAddress().getPort();
        mongo = MongoClients.create("mongodb://" + mongoAddress);

        Service commandSide = start("command-side", "org.servicequality.ledger.command.CommandSideApplication",
                "--spring.datasource.url=" + eventStore, "--spring.datasource.username=" + LocalPostgres.USER);
        Service first = startQuerySide("query-side-1", eventStore, mongoAddress, "readmodels");
        awaitHealthy(commandSide);
        awaitHealthy(first);
        Service second = startQuerySide("query-side-2", eventStore, mongoAddress, "readmodels");
        awaitHealthy(second);

        Map<String, Integer> filed = new HashMap<>();
        Map<String, Integer> replied = new HashMap<>();
        for (String department : DEPARTMENTS) {
            assertThat(commandSide.post("/api/departments", "{\"departmentId\":\"" + department + "\",\"nameZh\":\"科室\",\"nameEn\":\""
                    + department + "\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
        }
        long sending = System.nanoTime();
        sendCases(commandSide, 0, 1200, filed, replied);
        report("1,800 commands (1,200 filings, 600 replies) from 4 clients in %d ms", elapsedMillis(sending));

        // Both query sides process a share of the segments (the balancer hands the newcomer its share) and answer.
        await("both query sides hold segments").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(owners()).containsOnlyKeys(owner(first), owner(second)));
        report("segments per process before the kill: %s", owners());
        for (Service querySide : List.of(first, second)) {
            var board = querySide.get("/api/board");
            assertThat(board.status()).isEqualTo(200);
            assertThat(json(board.body()).get("departments")).hasSize(DEPARTMENTS.size());
        }

        // Killed without warning: its claims expire and the survivor takes its segments over, also for new events.
        second.process.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        sendCases(commandSide, 1200, 1800, filed, replied);
        await("the survivor holds every segment").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(owners()).containsOnlyKeys(owner(first)).containsEntry(owner(first), SEGMENTS));
        report("every segment with the survivor %d ms after the kill", elapsedMillis(killed));
        await("the survivor's board counts every case once").atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(counts(first)).isEqualTo(expected(filed, replied)));

        // A fresh query side on an empty database replays the whole event store into the same documents.
        Service replay = startQuerySide("query-side-replay", eventStore, mongoAddress, "replayed");
        awaitHealthy(replay);
        long replaying = System.nanoTime();
        await("the replay catches up").atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(counts(replay)).isEqualTo(expected(filed, replied)));
        report("replay of %d events caught up %d ms after the fresh query side was healthy",
                DEPARTMENTS.size() + 1800 + 900, elapsedMillis(replaying));
        assertThat(boardDocuments("replayed")).isEqualTo(boardDocuments("readmodels"));
        // The board's rates and trend come from the department statistics, another processor: wait for both to agree.
        await("the replayed board answers like the survivor's").atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(replay.get("/api/board").body()).isEqualTo(first.get("/api/board").body()));
    }

    private static long elapsedMillis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void report(String format, Object... args) {
        System.out.println("[scaled-out] " + String.format(format, args));
    }

    /** Files cases [from, to) spread over the departments, replying to every other one, from four clients at once. */
    private void sendCases(Service commandSide, int from, int to, Map<String, Integer> filed, Map<String, Integer> replied) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
                boolean reply = i % 2 == 0;
                filed.merge(department, 1, Integer::sum);
                if (reply) {
                    replied.merge(department, 1, Integer::sum);
                }
                sent.add(clients.submit(() -> {
                    var response = commandSide.post("/api/complaints", complaintFor(department));
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    if (reply) {
                        String complaintId = json(response.body()).get("complaintId").asText();
                        var answered = commandSide.post("/api/complaints/" + complaintId + "/reply",
                                "{\"text\":\"We have looked into it.\",\"repliedAt\":\"2026-01-06T10:00:00+08:00\"}");
                        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
                    }
                    return null;
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static Map<String, List<Integer>> expected(Map<String, Integer> filed, Map<String, Integer> replied) {
        return DEPARTMENTS.stream().collect(Collectors.toMap(d -> d, d -> List.of(filed.getOrDefault(d, 0), replied.getOrDefault(d, 0))));
    }

    private static Map<String, List<Integer>> counts(Service querySide) throws Exception {
        Map<String, List<Integer>> counts = new HashMap<>();
        for (JsonNode row : json(querySide.get("/api/board").body()).get("departments")) {
            counts.put(row.get("departmentId").asText(),
                    List.of(row.get("total").get("filed").asInt(), row.get("total").get("replied").asInt()));
        }
        return counts;
    }

    /** Segments of the board processor per owning process, from the token documents in MongoDB. */
    private Map<String, Integer> owners() {
        Map<String, Integer> owners = new HashMap<>();
        for (Document token : mongo.getDatabase("readmodels").getCollection("trackingtokens").find(new Document("processorName", PROCESSOR))) {
            String owner = token.getString("owner");
            if (owner != null) {
                owners.merge(owner.substring(0, owner.indexOf('@')), 1, Integer::sum);
            }
        }
        return owners;
    }

    private static String owner(Service service) {
        return Long.toString(service.process.pid());
    }

    /**
     * The board's documents without their redelivery guard and write counter: these follow how events were batched
     * and delivered, not what they say.
     */
    private List<Document> boardDocuments(String database) {
        List<Document> documents = new ArrayList<>();
        for (Document document : mongo.getDatabase(database).getCollection("board_departments").find().sort(Sorts.ascending("_id"))) {
            document.remove("appliedEvents");
            document.remove("recentEventIds");
            document.remove("readModelRevision");
            documents.add(document);
        }
        return documents;
    }

    private Service startQuerySide(String name, String eventStore, String mongoAddress, String database) throws IOException {
        return start(name, "org.servicequality.ledger.query.QuerySideApplication",
                "--spring.datasource.url=" + eventStore, "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.data.mongodb.uri=mongodb://" + mongoAddress + "/" + database,
                // Shorter than production so the take-over fits a test; the mechanism is the same.
                "--ledger.projections.claim-timeout=PT5S",
                "--ledger.projections.balance-interval=PT1S");
    }

    private Service start(String name, String mainClass, String... args) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), mainClass,
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                // Both sides share one users file, with the test user who may do everything.
                "--ledger.security.users-file=" + logs.resolve(UsersFile.DEFAULT_NAME)));
        RunningLedger.writeTestUser(logs);
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        logOf.put(process, log);
        return new Service(name, process, "http://127.0.0.1:" + port);
    }

    private void awaitHealthy(Service service) {
        await(service.name + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!service.process.isAlive()) {
                throw new AssertionError(service.name + " exited with " + service.process.exitValue() + ":\n" + tail(service));
            }
            try {
                var health = service.get("/actuator/health");
                return health.status() == 200 && health.body().contains("\"status\":\"UP\"");
            } catch (RuntimeException notListeningYet) {
                return false;
            }
        });
    }

    private String tail(Service service) throws IOException {
        List<String> lines = Files.readAllLines(logOf.get(service.process), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Service(String name, Process process, String baseUrl) {

        RunningLedger.Response post(String path, String body) {
            return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> new RunningLedger.Response(response.getStatusCode().value(), response.getHeaders(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }

        RunningLedger.Response get(String path) {
            return http().get().uri(path)
                    .exchange((request, response) -> new RunningLedger.Response(response.getStatusCode().value(), response.getHeaders(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }

        private RestClient http() {
            return RestClient.builder().baseUrl(baseUrl)
                    .defaultHeader("Authorization", InternalClient.basic(RunningLedger.TEST_USER, RunningLedger.TEST_PASSWORD)).build();
        }
    }
}
