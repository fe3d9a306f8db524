package org.servicequality.ledger.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark run does. The full mode is for people (1 million events, 30 s per load phase); the quick mode
 * (a few thousand events, a few seconds per phase) only shows that every part runs, and is what CI runs.
 *
 * @param bulkDocuments    documents of the raw MongoDB bulk-write measurement (default: a tenth of the events)
 * @param commandClients   clients of the closed-loop command phase (the target names 16)
 * @param commandRate      the steady rate of the open-loop command phase (the target names 300/s)
 * @param readRate         the rate of the board and static-response phases (the target names 500/s)
 * @param readClients      clients that share that rate
 * @param serviceJvmOptions JVM options of the service process (default: {@value #README_JVM_OPTIONS}, as the README runs it)
 * @param existingStore    the data directory of an earlier run to measure the service on again (its history, scan, bulk
 *                         writes, replay and snapshots are not repeated), or null for a new one
 * @param report           the Markdown file the results are appended to, or null for none
 */
public record BenchSettings(boolean quick, long events, int departments, int staff, long seed,
                            int commandClients, double commandRate, double readRate, int readClients, Duration phase,
                            int bulkDocuments, String user, String password, List<String> serviceJvmOptions,
                            Path workDirectory, Path existingStore, Path report, Duration progressEvery) {

    /** The JVM options of the README's command that runs the service. */
    static final String README_JVM_OPTIONS = "-Xmx512m";

    public static BenchSettings fromOptions(Map<String, String> options, Path defaultWorkDirectory) {
        boolean quick = options.getOrDefault("mode", "full").equals("quick");
        if (!quick && !options.getOrDefault("mode", "full").equals("full")) {
            throw new IllegalArgumentException("--mode must be full or quick");
        }
        String jvmOptions = options.getOrDefault("service-jvm-options", README_JVM_OPTIONS).trim();
        long events = number(options, "events", quick ? 3_000 : 1_000_000);
        return new BenchSettings(quick,
                events,
                (int) number(options, "departments", quick ? 8 : 60),
                (int) number(options, "staff", quick ? 80 : 3_000),
                number(options, "seed", 1),
                (int) number(options, "clients", 16),
                number(options, "command-rate", 300),
                number(options, "read-rate", 500),
                (int) number(options, "read-clients", 16),
                Duration.ofSeconds(number(options, "seconds", quick ? 3 : 30)),
                (int) number(options, "bulk-documents", Math.max(1_000, events / 10)),
                options.get("user"), options.get("password"),
                jvmOptions.isEmpty() ? List.of() : List.of(jvmOptions.split("\\s+")),
                Path.of(options.getOrDefault("work-dir", defaultWorkDirectory.toString())),
                options.containsKey("store") ? Path.of(options.get("store")) : null,
                options.containsKey("report") ? Path.of(options.get("report")) : quick ? null : Path.of("docs/benchmarks.md"),
                Duration.ofSeconds(quick ? 1 : 5));
    }

    /** The command line that reproduces a run with these settings (credentials left out). */
    String commandLine() {
        StringBuilder line = new StringBuilder("java -jar ops/target/service-quality-ledger.jar bench --mode ")
                .append(quick ? "quick" : "full")
                .append(" --events ").append(events).append(" --departments ").append(departments).append(" --staff ").append(staff)
                .append(" --seed ").append(seed).append(" --clients ").append(commandClients)
                .append(" --command-rate ").append((long) commandRate).append(" --read-rate ").append((long) readRate)
                .append(" --read-clients ").append(readClients).append(" --seconds ").append(phase.toSeconds())
                .append(" --bulk-documents ").append(bulkDocuments);
        if (existingStore != null) {
            line.append(" --store ").append(existingStore);
        }
        if (!serviceJvmOptions.isEmpty()) {
            line.append(" --service-jvm-options '").append(String.join(" ", serviceJvmOptions)).append('\'');
        }
        return line.toString();
    }

    private static long number(Map<String, String> options, String name, long fallback) {
        try {
            long value = options.containsKey(name) ? Long.parseLong(options.get(name)) : fallback;
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of at least 1");
        }
    }
}
