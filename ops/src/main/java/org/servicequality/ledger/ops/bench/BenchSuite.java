package org.servicequality.ledger.ops.bench;

import org.servicequality.ledger.ops.crash.LedgerProcess;
import org.servicequality.ledger.ops.security.InternalClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The whole benchmark suite against the targets of issue 8: a history of N events written into a new data
 * directory, the raw event-store scan, the raw MongoDB bulk-write rate and the replay of every projection (in this
 * JVM); then the service on that directory in its own process, as an operator runs it, for board and static reads
 * at a steady rate, commands at full speed and at a steady rate, and its resident memory afterwards.
 */
public final class BenchSuite {

    private static final Duration AS_OF_TIMEOUT = Duration.ofHours(1);
    /** The end of the generated history and two instants inside it, away from snapshot boundaries as far as chance goes. */
    private static final List<Instant> AS_OF_INSTANTS = List.of(HistoryGenerator.END,
            HistoryGenerator.END.minus(Duration.ofDays(137)).plusSeconds(4_321), HistoryGenerator.END.minus(Duration.ofDays(291)).plusSeconds(777));

    /** One request's status, how long it took, and the load average when it ended. */
    private record Timed(int status, double seconds, String loadAverage) {

        interface Call {
            HttpTarget.Answer send() throws IOException, InterruptedException;
        }

        static Timed of(Call call) throws IOException, InterruptedException {
            long started = System.nanoTime();
            int status = call.send().status();
            return new Timed(status, (System.nanoTime() - started) / 1e9, Machine.loadAverage());
        }
    }

    /** @param failures requests that got no 2xx and steps that failed: a working service and harness have none */
    public record Result(List<BenchReport.Figure> figures, long events, long failures, Path dataDirectory, String markdown) {
    }

    private static final String STATIC_PATH = "/board.css";
    private static final String BOARD_PATH = "/api/board";
    /** A processor that has not caught up by then is stuck, not slow (the full replay takes minutes on an idle machine). */
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(3);
    private static final Duration QUICK_REPLAY_TIMEOUT = Duration.ofMinutes(15);

    private final BenchSettings settings;
    private final PrintStream out;

    public BenchSuite(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Result run() throws IOException, InterruptedException {
        Instant began = Instant.now();
        BenchReport report = new BenchReport();
        Organisation organisation = Organisation.ofSize(settings.departments(), settings.staff());
        Files.createDirectories(settings.workDirectory());
        boolean reused = settings.existingStore() != null;
        Path store = reused ? settings.existingStore() : Files.createTempDirectory(settings.workDirectory(), "store-");
        report.context("command: `" + settings.commandLine() + "`");
        report.context("commit: " + commit());
        report.context("hardware: " + Machine.hardware());
        report.context("harness JVM: " + Machine.jvm());
        report.context("service JVM options: " + (settings.serviceJvmOptions().isEmpty() ? "none (the JVM's defaults)"
                : String.join(" ", settings.serviceJvmOptions())));
        report.context(String.format(Locale.ROOT, "settings: %,d events requested, %d departments, %,d staff, seed %d, %d command clients, "
                        + "%.0f commands/s steady, %.0f reads/s over %d clients, %d s per load phase, %s",
                settings.events(), settings.departments(), settings.staff(), settings.seed(), settings.commandClients(),
                settings.commandRate(), settings.readRate(), settings.readClients(), settings.phase().toSeconds(),
                settings.user() == null ? "HTTP Basic as the harness's own user" : "HTTP Basic as " + settings.user()));
        report.context("load average at the start: " + Machine.loadAverage());
        out.println("Benchmark suite (" + (settings.quick() ? "quick" : "full") + " mode), data directory " + store);
        report.context("data directory: " + store);
        printMachine();

        long events = 0;
        long failures = 0;
        if (reused) {
            // Steps 1 to 5 made this store in an earlier run; only the service's measurements are taken again.
            out.println("Reusing the data directory of an earlier run: no history, scan, bulk writes, replay or snapshots");
            report.context("data size: the store of an earlier run (" + storeSize(store) + "), history, scan, bulk writes, replay"
                    + " and snapshots not measured again");
        } else try (InProcessLedger ledger = InProcessLedger.start(store, out, settings.progressEvery())) {
            out.println("History: writing " + settings.events() + " events from seed " + settings.seed());
            InProcessLedger.Rate history = ledger.generateHistory(organisation, settings.events(), settings.seed());
            events = history.items();
            report.context(String.format(Locale.ROOT, "data size: %,d events in the store (%s)", events, storeSize(store)));
            report.detail(String.format(Locale.ROOT, "history generation: %,d events in %.1f s, %,.0f events/s (through the EventStore "
                    + "in units of work of 1,000, hash chain stamped), load %s", events, history.seconds(), history.perSecond(), history.loadAverage()));
            out.println("Raw event-store scan with deserialization");
            InProcessLedger.Rate scan = ledger.scanEventStore();
            report.detail(String.format(Locale.ROOT, "raw event-store scan (payload and metadata deserialized): %,d events in %.1f s, "
                    + "%,.0f events/s, load %s", scan.items(), scan.seconds(), scan.perSecond(), scan.loadAverage()));
            out.println("Raw MongoDB bulk writes");
            InProcessLedger.Rate bulk = ledger.bulkWriteReadModels(settings.bulkDocuments(), 1_000);
            report.detail(String.format(Locale.ROOT, "raw MongoDB bulk upserts into the embedded MongoDB (batches of 1,000 documents of "
                    + "about 1.5 KB): %,d documents in %.1f s, %,.0f documents/s, load %s", bulk.items(), bulk.seconds(), bulk.perSecond(),
                    bulk.loadAverage()));
            out.println("Replay of every projection " + ledger.processorNames() + " from an empty read-model database");
            InProcessLedger.Replay replay = ledger.replayAllProjections(settings.quick() ? QUICK_REPLAY_TIMEOUT : REPLAY_TIMEOUT);
            report.detail("replay, seconds until each processor had caught up with the store: " + replay.perProcessor().entrySet().stream()
                    .map(processor -> String.format(Locale.ROOT, "%s %.1f s", processor.getKey(), processor.getValue()))
                    .collect(Collectors.joining(", ")));
            report.figure(new BenchReport.Figure("replay of all projections over the store", replay.perSecond(), 20_000, true,
                    "events/s", replay.loadAverage()));
            report.figure(new BenchReport.Figure("replay rate ÷ raw scan rate (same run)", 100 * replay.perSecond() / scan.perSecond(),
                    40, true, "%", replay.loadAverage()));
            out.println("As-of snapshots over the store (every ledger.as-of.snapshot-interval events)");
            try {
                InProcessLedger.Rate snapshots = ledger.makeAsOfSnapshots();
                report.detail(String.format(Locale.ROOT, "as-of snapshots made over the store (the service makes them in the background as "
                        + "history grows): %,d events in %.1f s, load %s", snapshots.items(), snapshots.seconds(), snapshots.loadAverage()));
            } catch (RuntimeException notMade) {
                // The service's figures are still worth having; the as-of board below then starts from an older snapshot or none.
                failures++;
                notMade.printStackTrace(out);
                report.detail("as-of snapshots could not be made, load " + Machine.loadAverage() + ": " + causes(notMade));
            }
            double inProcessRss = Machine.residentMiB(ProcessHandle.current().pid());
            report.detail(String.format(Locale.ROOT, "resident set of the harness JVM (in-process ledger after generating, scanning and "
                    + "replaying): %.0f MiB", inProcessRss));
        }

        // A reused store holds the cases and idempotency keys of the earlier run's commands: new ones need a new seed.
        long commandSeed = reused ? began.toEpochMilli() : settings.seed() * 1_000_000;
        out.println("Starting the service on the data directory");
        try (LedgerProcess service = LedgerProcess.start(store, settings.workDirectory().resolve("service.log"), settings.serviceJvmOptions())) {
            // The service started here knows the harness's own user; --user logs in as another one instead.
            HttpTarget target = new HttpTarget(service.baseUrl(), settings.user() == null || settings.user().isBlank()
                    ? service.authorization() : InternalClient.basic(settings.user(), settings.password() == null ? "" : settings.password()));
            LoadDriver driver = new LoadDriver(target, out, settings.progressEvery());
            Duration warmUp = settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
            out.println("Warming up (not counted)");
            driver.run("warm-up reads", settings.readClients(), settings.readRate(), warmUp, fixed(BOARD_PATH));
            driver.run("warm-up commands", settings.commandClients(), 0, warmUp, commands(commandSeed));

            HttpTarget.Answer boardAnswer = target.send(HttpTarget.Request.get(BOARD_PATH));
            report.detail(String.format(Locale.ROOT, "board JSON: %,d bytes, sent as %,d bytes (%s)", boardAnswer.content().length,
                    boardAnswer.sent().length, boardAnswer.gzipped() ? "gzip, as the clients accept it" : "uncompressed"));
            LoadDriver.Result board = driver.run("board JSON", settings.readClients(), settings.readRate(), settings.phase(), fixed(BOARD_PATH));
            LoadDriver.Result trivial = driver.run("static file", settings.readClients(), settings.readRate(), settings.phase(), fixed(STATIC_PATH));
            LoadDriver.Result closedLoop = driver.run("commands, closed loop", settings.commandClients(), 0, settings.phase(),
                    commands(commandSeed + 1_000));
            LoadDriver.Result steady = driver.run("commands, steady rate", settings.commandClients(), settings.commandRate(), settings.phase(),
                    commands(commandSeed + 2_000));
            double serviceRss = Machine.residentMiB(service.pid());
            String loadAfter = Machine.loadAverage();
            out.printf(Locale.ROOT, "  resident set of the service after loading and serving: %.0f MiB, load %s%n", serviceRss, loadAfter);
            // After the RSS: an as-of view keeps a read side of its instant while it is kept.
            Timed slowest = null;
            List<String> asOfDetails = new ArrayList<>();
            for (Instant instant : AS_OF_INSTANTS) {
                HttpTarget.Request asOfBoard = HttpTarget.Request.get("/api/board?asOf=" + instant);
                out.println("As-of board as of " + instant);
                Timed first = Timed.of(() -> target.send(asOfBoard, AS_OF_TIMEOUT));
                Timed again = Timed.of(() -> target.send(asOfBoard, AS_OF_TIMEOUT));
                failures += (first.status() / 100 == 2 ? 0 : 1) + (again.status() / 100 == 2 ? 0 : 1);
                slowest = slowest == null || first.seconds() > slowest.seconds() ? first : slowest;
                asOfDetails.add(String.format(Locale.ROOT, "%s: first request %.2f s (status %d), again (kept) %.2f s", instant,
                        first.seconds(), first.status(), again.seconds()));
            }
            service.stop(Duration.ofSeconds(120));
            failures += board.failures() + trivial.failures() + closedLoop.failures() + steady.failures();
            report.figure(new BenchReport.Figure("as-of board, slowest first request of " + AS_OF_INSTANTS.size() + " instants",
                    slowest.seconds(), 2, false, "s", slowest.loadAverage()));
            report.detail("as-of board, first request for an instant and the same instant again: " + String.join("; ", asOfDetails));

            report.figure(new BenchReport.Figure("commands over HTTP, " + settings.commandClients() + " clients, closed loop",
                    closedLoop.throughput(), 1_500, true, "commands/s", closedLoop.loadAverage()));
            report.figure(new BenchReport.Figure(String.format(Locale.ROOT, "command p99 at a steady %.0f/s", settings.commandRate()),
                    steady.percentileMillis(99), 50, false, "ms", steady.loadAverage()));
            report.figure(new BenchReport.Figure(String.format(Locale.ROOT, "board JSON p99 at %.0f/s", settings.readRate()),
                    board.percentileMillis(99), 50, false, "ms", board.loadAverage()));
            report.figure(new BenchReport.Figure("board JSON p99 ÷ static file p99 (same run)",
                    board.percentileMillis(99) / trivial.percentileMillis(99), 3, false, "×", trivial.loadAverage()));
            report.figure(new BenchReport.Figure("resident set of the service after loading and serving", serviceRss, 1024, false,
                    "MiB", loadAfter));
            for (LoadDriver.Result result : List.of(board, trivial, closedLoop, steady)) {
                report.detail(result.summary());
                result.failureSamples().forEach(sample -> report.detail("failed: `" + sample.replace('`', '\'') + "`"));
            }
        }
        report.detail(String.format(Locale.ROOT, "the whole run took %d s", Duration.between(began, Instant.now()).toSeconds()));

        String title = String.format(Locale.ROOT, "%s, %s mode, %,d events", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(began.atOffset(ZoneOffset.UTC)), settings.quick() ? "quick" : "full", events);
        if (reused) {
            title = title.replaceFirst(", 0 events$", ", the store of an earlier run");
        }
        String markdown = report.markdown(title);
        out.println(markdown);
        if (settings.report() != null) {
            report.appendTo(settings.report(), title);
            out.println("Appended to " + settings.report());
        }
        return new Result(report.figures(), events, failures, store, markdown);
    }

    private void printMachine() {
        out.println("  " + Machine.hardware());
        out.println("  " + Machine.jvm());
        out.println("  load average " + Machine.loadAverage());
    }

    private IntFunction<LoadDriver.Client> commands(long seed) {
        Organisation organisation = Organisation.ofSize(settings.departments(), settings.staff());
        return client -> new CommandMix(organisation, seed + client);
    }

    private static IntFunction<LoadDriver.Client> fixed(String path) {
        HttpTarget.Request request = HttpTarget.Request.get(path);
        return client -> new LoadDriver.Client() {
            @Override
            public HttpTarget.Request next() {
                return request;
            }

            @Override
            public void answered(HttpTarget.Request sent, HttpTarget.Answer answer) {
                // nothing to follow up
            }
        };
    }

    private static String storeSize(Path store) throws IOException {
        try (var files = Files.walk(store)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.0f MiB on disk with the read models", bytes / 1024.0 / 1024.0);
        }
    }

    /** Every message of a failure's cause chain, outermost first. */
    private static String causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return String.join(" <- ", messages);
    }

    /** The commit measured, when this runs from a git checkout. */
    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String answer = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? answer : "unknown";
        } catch (IOException | InterruptedException unavailable) {
            return "unknown";
        }
    }
}
