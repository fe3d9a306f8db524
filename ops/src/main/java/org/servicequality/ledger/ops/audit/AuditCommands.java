package org.servicequality.ledger.ops.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.servicequality.ledger.command.audit.EventExport;
import org.servicequality.ledger.command.audit.EventStoreVerifier;
import org.servicequality.ledger.command.audit.StoredEvents;
import org.servicequality.ledger.ops.embedded.DataDirectory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The auditor's commands against a data directory whose service is stopped (the directory is locked while
 * they run, so no service can start on it meanwhile): {@code verify}, {@code export} and {@code history}. A
 * running service answers the same questions over HTTP ({@code /api/audit/...}, docs/audit.md).
 */
public final class AuditCommands {

    public static final String USAGE = """
              audit verify [--data-dir DIR]        walk the whole event store: chained hashes and checkpoints; exit 1 on any break
              audit export --from INSTANT --to INSTANT [--format jsonl|csv] [--department ID] --out DIR [--data-dir DIR]
                                                   events of [from, to), personal data redacted, with manifest.json (counts, SHA-256)
              audit history --id AGGREGATE_ID [--data-dir DIR]
                                                   every event of one case, department or staff record, as JSON
              audit replay [board|department-statistics|rankings|all] [--url URL [--user U --password P] | --data-dir DIR]
                                                   rebuild projections from the events into new collections, then switch;
                                                   --url: a running service keeps serving meanwhile; exit 1 unless completed
            """;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream progressOut;

    public AuditCommands(PrintStream out, PrintStream progressOut) {
        this.out = out;
        this.progressOut = progressOut;
    }

    /**
     * @param options {@code --name value} options, and under {@code target} the command's one argument (replay's group)
     * @return the exit code: 0 done (and intact), 1 a verification found a break or a replay did not complete, 2 wrong usage
     */
    public int run(String command, Map<String, String> options) throws IOException, InterruptedException {
        if (command.equals("replay")) {
            return replay(options);
        }
        if (options.containsKey("target")) {
            throw new IllegalArgumentException("Unexpected argument: " + options.get("target"));
        }
        Path dataDirectory = Path.of(options.getOrDefault("data-dir", "./data"));
        if (!Files.exists(DataDirectory.eventStoreFile(dataDirectory))) {
            throw new IllegalArgumentException("No event store in " + dataDirectory.toAbsolutePath() + " (use --data-dir)");
        }
        try (DataDirectory locked = DataDirectory.lock(dataDirectory)) {
            JdbcDataSource store = new JdbcDataSource();
            store.setURL(DataDirectory.eventStoreUrl(locked.root(), ";ACCESS_MODE_DATA=r"));
            store.setUser("ledger");
            EventSchema schema = EventSchema.builder().build();
            return switch (command) {
                case "verify" -> verify(new EventStoreVerifier(store, schema));
                case "export" -> export(new EventExport(new StoredEvents(store, schema)), options);
                case "history" -> history(new StoredEvents(store, schema), options);
                default -> throw new IllegalArgumentException("Unknown audit command: " + command);
            };
        }
    }

    /** The service runs the replay: over HTTP when it is running, else started on the data directory for it. */
    private int replay(Map<String, String> options) throws IOException, InterruptedException {
        String target = options.getOrDefault("target", "all");
        AuditReplay replay = new AuditReplay(out, progressOut);
        if (options.containsKey("url")) {
            Optional<String> credentials = Optional.ofNullable(options.get("user"))
                    .map(user -> user + ":" + options.getOrDefault("password", ""));
            return replay.online(URI.create(options.get("url")), target, credentials);
        }
        return replay.offline(Path.of(options.getOrDefault("data-dir", "./data")), target);
    }

    private int verify(EventStoreVerifier verifier) {
        Progress progress = new Progress("verified");
        EventStoreVerifier.Report report = verifier.verify(progress);
        progress.done();
        out.printf("%s: %d events in %d aggregates, %d checkpoints checked%n", report.intact() ? "INTACT" : "BROKEN",
                report.eventsChecked(), report.aggregatesChecked(), report.checkpointsChecked());
        for (EventStoreVerifier.Break broken : report.breaks()) {
            out.printf("  %s %s#%d (event %s): %s%n", broken.problem(), broken.aggregateIdentifier(), broken.sequenceNumber(),
                    broken.eventIdentifier(), broken.detail());
        }
        return report.intact() ? 0 : 1;
    }

    private int export(EventExport export, Map<String, String> options) throws IOException {
        Instant from = instant(options, "from");
        Instant to = instant(options, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        EventExport.Format format = switch (options.getOrDefault("format", "jsonl")) {
            case "jsonl" -> EventExport.Format.JSONL;
            case "csv" -> EventExport.Format.CSV;
            default -> throw new IllegalArgumentException("--format must be jsonl or csv");
        };
        if (!options.containsKey("out")) {
            throw new IllegalArgumentException("export needs --out DIR");
        }
        Path target = Files.createDirectories(Path.of(options.get("out")));
        Progress progress = new Progress("exported");
        EventExport.Manifest manifest;
        try (OutputStream file = Files.newOutputStream(target.resolve(format.fileName()))) {
            manifest = export.write(file, format, from, to, options.get("department"), progress);
        }
        progress.done();
        JSON.writeValue(target.resolve("manifest.json").toFile(), manifest);
        out.printf("Exported %d events into %s (SHA-256 %s); manifest.json beside it%n",
                manifest.eventCount(), target.resolve(format.fileName()), manifest.sha256());
        return 0;
    }

    private int history(StoredEvents events, Map<String, String> options) throws IOException {
        if (!options.containsKey("id")) {
            throw new IllegalArgumentException("history needs --id AGGREGATE_ID");
        }
        // Offline there is no key store to ask: personal data shows only as stored, encrypted, hence "present".
        List<StoredEvents.AuditedEvent> history = events.ofAggregate(options.get("id"), keyId -> "present");
        if (history.isEmpty()) {
            out.println("Nothing is recorded under id '" + options.get("id") + "'.");
            return 1;
        }
        out.println(JSON.writeValueAsString(history));
        return 0;
    }

    private static Instant instant(Map<String, String> options, String name) {
        try {
            return Instant.parse(options.getOrDefault(name, ""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be an instant like 2026-07-01T00:00:00Z");
        }
    }

    /** A one-line progress display on the error stream: count and rate, redrawn at most twice a second. */
    private final class Progress implements LongConsumer {
        private final String verb;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private long count;

        Progress(String verb) {
            this.verb = verb;
        }

        @Override
        public void accept(long soFar) {
            count = soFar;
            long now = System.nanoTime();
            if (now - lastDrawn > 500_000_000L) {
                lastDrawn = now;
                draw();
            }
        }

        void done() {
            draw();
            progressOut.println();
        }

        private void draw() {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
            progressOut.printf("\r%s %,d events (%,.0f events/s, %.1f s)", verb, count, count / seconds, seconds);
        }
    }
}
