package org.servicequality.ledger.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Kill -9 under load, again and again. Each cycle starts the real service as a child process on one data
 * directory, drives mixed commands at it from several clients, kills it with SIGKILL at a random moment and
 * then reads the event store straight from its file: every acknowledged command's event must be there, no
 * event twice, no aggregate with a gap. The next cycle retries the commands whose answer never came (with
 * their Idempotency-Key) and sends a further command to a sample of aggregates, which must load. At the end
 * the read models of the crashed directory, once caught up, must equal those rebuilt from scratch by replaying
 * a copy of its event store.
 */
public final class CrashHarness {

    /**
     * @param cycles      kill/restart cycles
     * @param clients     concurrent client threads
     * @param minUp       the shortest time the service runs under load before it is killed
     * @param maxUp       the longest
     * @param probesPerLane aggregates of each kind per client lane sent a further command after each restart
     * @param workDirectory where the data directories and the service's log go
     */
    public record Settings(int cycles, int clients, Duration minUp, Duration maxUp, int probesPerLane, long seed,
                           Path workDirectory) {
    }

    public record Summary(int cycles, long acknowledged, long lost, long duplicateEventIdentifiers, long duplicatePositions,
                          long aggregatesWithGaps, long unanswered, long retriedRecordedBefore, long retriedApplied,
                          long probes, long probeFailures, long refused, List<String> refusals, long events,
                          boolean readModelsMatchReplay, String readModelDifference, Duration elapsed) {

        public boolean passed() {
            return lost == 0 && duplicateEventIdentifiers == 0 && duplicatePositions == 0 && aggregatesWithGaps == 0
                    && probeFailures == 0 && refused == 0 && readModelsMatchReplay;
        }
    }

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);
    private static final int MIN_ACKNOWLEDGED_PER_CYCLE = 20;
    private static final Duration MIN_LOAD_WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public CrashHarness(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Summary run() throws IOException, InterruptedException, SQLException {
        long started = System.nanoTime();
        Path data = settings.workDirectory().resolve("data");
        Path log = settings.workDirectory().resolve("service.log");
        Random random = new Random(settings.seed());
        World world = new World(settings.clients());
        Acknowledgements acknowledgements = new Acknowledgements();
        CommandLoad.Statistics statistics = new CommandLoad.Statistics();
        CommandLoad load = new CommandLoad(world, acknowledgements, statistics);
        List<Command> unanswered = List.of();
        long lost = 0;
        long duplicateIds = 0;
        long duplicatePositions = 0;
        long gaps = 0;
        StoreInspection store = null;
        progress.printf("Crash test: %d cycles, %d clients, killed after %d-%d ms under load; work directory %s%n",
                settings.cycles(), settings.clients(), settings.minUp().toMillis(), settings.maxUp().toMillis(),
                settings.workDirectory());

        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            long acknowledgedBefore = statistics.acknowledged.get();
            long probeFailuresBefore = statistics.probeFailures.get();
            LedgerProcess ledger = LedgerProcess.start(data, log);
            load.target(ledger);
            unanswered.forEach(load::retry);
            load.probe(settings.probesPerLane(), random);
            long loadStarted = System.nanoTime();
            CommandLoad.Clients clients = load.start(random.nextLong());
            long up = settings.minUp().toMillis()
                    + (long) (random.nextDouble() * (settings.maxUp().toMillis() - settings.minUp().toMillis()));
            Thread.sleep(up);
            awaitLoad(statistics, acknowledgedBefore);
            ledger.kill();
            long underLoadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
            unanswered = clients.stop();

            store = StoreInspection.of(data);
            List<Acknowledgements.Acknowledged> missing = acknowledgements.missingFrom(store.events);
            lost = missing.size();
            duplicateIds = Math.max(duplicateIds, store.duplicateEventIdentifiers);
            duplicatePositions = Math.max(duplicatePositions, store.duplicatePositions);
            gaps = Math.max(gaps, store.aggregatesWithGaps);
            world.rebuild(store.events);
            progress.printf("cycle %d/%d: killed pid %d after %d ms under load; %d acknowledged (%d in all), %d unanswered; store %d events; "
                            + "lost %d, duplicate ids %d, duplicate positions %d, gaps %d; probes failed %d%n",
                    cycle, settings.cycles(), ledger.pid(), underLoadMillis, statistics.acknowledged.get() - acknowledgedBefore,
                    statistics.acknowledged.get(), unanswered.size(), store.events.size(), lost, store.duplicateEventIdentifiers,
                    store.duplicatePositions, store.aggregatesWithGaps, statistics.probeFailures.get() - probeFailuresBefore);
            if (!missing.isEmpty()) {
                progress.println("  missing, for example: " + missing.subList(0, Math.min(5, missing.size())));
            }
        }

        progress.println("Comparing the read models of the crashed directory with a replay from scratch...");
        Map<String, String> live = caughtUpReadModels(data, log, store);
        Path replay = settings.workDirectory().resolve("replay");
        Files.createDirectories(replay);
        Files.copy(data.resolve("events.mv.db"), replay.resolve("events.mv.db"));
        Map<String, String> replayed = caughtUpReadModels(replay, log, StoreInspection.of(replay));
        String difference = difference(live, replayed);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Summary summary = new Summary(settings.cycles(), statistics.acknowledged.get(), lost, duplicateIds, duplicatePositions,
                gaps, statistics.noAnswer.get(), statistics.retriedRecordedBefore.get(), statistics.retriedApplied.get(),
                statistics.probes.get(), statistics.probeFailures.get(), statistics.refused.get(),
                new ArrayList<>(statistics.refusals), store.events.size(), difference.isEmpty(), difference, elapsed);
        print(summary);
        return summary;
    }

    /**
     * On a starved machine the first seconds after a start may see hardly a command through; a kill then tests
     * little. The kill waits (a bounded time) until the cycle has had some traffic.
     */
    private static void awaitLoad(CommandLoad.Statistics statistics, long acknowledgedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + MIN_LOAD_WAIT.toNanos();
        while (statistics.acknowledged.get() - acknowledgedBefore < MIN_ACKNOWLEDGED_PER_CYCLE && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void print(Summary summary) {
        progress.printf("""
                        Crash test %s in %d s
                          cycles (kill -9 and restart):   %d
                          commands acknowledged (2xx):     %d
                          lost (acknowledged, not stored): %d
                          duplicate event ids / positions: %d / %d
                          aggregates with sequence gaps:   %d
                          unanswered at a kill:            %d (retried after the restart: %d found recorded, %d applied then)
                          probes after restart:            %d (%d failed)
                          refused commands:                %d %s
                          events in the store:             %d
                          read models equal a replay:      %s %s
                        """,
                summary.passed() ? "PASSED" : "FAILED", summary.elapsed().toSeconds(), summary.cycles(), summary.acknowledged(),
                summary.lost(), summary.duplicateEventIdentifiers(), summary.duplicatePositions(), summary.aggregatesWithGaps(),
                summary.unanswered(), summary.retriedRecordedBefore(), summary.retriedApplied(), summary.probes(),
                summary.probeFailures(), summary.refused(), summary.refusals().isEmpty() ? "" : summary.refusals(),
                summary.events(), summary.readModelsMatchReplay() ? "yes" : "NO", summary.readModelDifference());
    }

    /**
     * Starts the service on the directory, waits until its board counts every event of the store, reads every
     * read-model document the query API serves, and stops it again (gracefully).
     */
    private Map<String, String> caughtUpReadModels(Path dataDirectory, Path log, StoreInspection store)
            throws IOException, InterruptedException {
        try (LedgerProcess ledger = LedgerProcess.start(dataDirectory, log)) {
            long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
            long[] expected = {store.count("DepartmentRegistered"), store.count("ComplaintFiled"),
                    store.count("ComplaintReplied"), store.count("ComplaintResolved"), store.count("ComplaintFiled")};
            JsonNode board = JSON.readTree(get(ledger, "/api/board"));
            while (!Arrays.equals(boardCounts(board), expected)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The board of " + dataDirectory + " did not catch up within " + CATCH_UP_TIMEOUT
                            + ": it shows " + Arrays.toString(boardCounts(board)) + " (departments, filed, replied, "
                            + "resolved, complaints in the twelve-month trend), the store holds " + Arrays.toString(expected)
                            + lastProblemsIn(log));
                }
                Thread.sleep(250);
                board = JSON.readTree(get(ledger, "/api/board"));
            }
            // Read until nothing moves for a while: the pages are built by three processors, and one retrying a failed
            // batch waits a second or two first.
            Map<String, String> readModels = servedReadModels(ledger);
            Thread.sleep(SETTLE.toMillis());
            for (Map<String, String> again = servedReadModels(ledger); !again.equals(readModels); again = servedReadModels(ledger)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The read models of " + dataDirectory + " did not settle within " + CATCH_UP_TIMEOUT
                            + lastProblemsIn(log));
                }
                readModels = again;
                Thread.sleep(SETTLE.toMillis());
            }
            ledger.stop(STOP_TIMEOUT);
            return readModels;
        }
    }

    /**
     * Every read model the query API serves for the load's data: the board, each department page, the scorecards and
     * the Service Star ranking of the year (the load dates everything "now"; compared as text, so equal means equal).
     */
    private Map<String, String> servedReadModels(LedgerProcess ledger) throws IOException, InterruptedException {
        String board = get(ledger, "/api/board");
        String year = String.valueOf(Year.now(ZoneOffset.UTC));
        Map<String, String> readModels = new LinkedHashMap<>();
        readModels.put("/api/board", board);
        for (JsonNode row : JSON.readTree(board).path("departments")) {
            String path = "/api/board/departments/" + row.path("departmentId").asText();
            readModels.put(path, get(ledger, path));
        }
        for (String path : List.of("/api/scorecards?period=" + year, "/api/rankings/service-stars?period=" + year)) {
            readModels.put(path, get(ledger, path));
        }
        return readModels;
    }

    /** A read model that does not catch up is usually a processor retrying a failing batch: its warnings say why. */
    private static String lastProblemsIn(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" WARN ") || lines.get(i).contains(" ERROR ")) {
                problems.add(lines.get(i) + (i + 2 < lines.size() ? System.lineSeparator() + lines.get(i + 2) : ""));
            }
        }
        return problems.isEmpty() ? "; the service logged no warnings"
                : "; the service's last warnings (" + log + "):" + System.lineSeparator()
                + String.join(System.lineSeparator(), problems.subList(Math.max(0, problems.size() - 8), problems.size()));
    }

    private static long[] boardCounts(JsonNode board) {
        long[] counts = new long[5];
        for (JsonNode row : board.path("departments")) {
            counts[0]++;
            counts[1] += row.path("total").path("filed").asLong();
            counts[2] += row.path("total").path("replied").asLong();
            counts[3] += row.path("total").path("resolved").asLong();
            // The trend comes from another processor (department statistics); the load files every complaint "now".
            for (JsonNode month : row.path("trendComplaints")) {
                counts[4] += month.asLong();
            }
        }
        return counts;
    }

    private String get(LedgerProcess ledger, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String difference(Map<String, String> live, Map<String, String> replayed) {
        if (!live.keySet().equals(replayed.keySet())) {
            return "different documents: " + live.keySet() + " versus " + replayed.keySet();
        }
        for (Map.Entry<String, String> document : live.entrySet()) {
            if (!document.getValue().equals(replayed.get(document.getKey()))) {
                return document.getKey() + " differs: " + document.getValue() + " versus " + replayed.get(document.getKey());
            }
        }
        return "";
    }
}
