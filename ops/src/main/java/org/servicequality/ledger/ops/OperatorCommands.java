package org.servicequality.ledger.ops;

import org.servicequality.ledger.ops.audit.AuditCommands;
import org.servicequality.ledger.ops.backup.BackupClient;
import org.servicequality.ledger.ops.backup.Restore;
import org.servicequality.ledger.ops.bench.BenchSettings;
import org.servicequality.ledger.ops.bench.BenchSuite;
import org.servicequality.ledger.ops.crash.CrashHarness;
import org.servicequality.ledger.ops.security.InternalClient;
import org.servicequality.ledger.ops.security.LedgerUser;
import org.servicequality.ledger.ops.security.Role;
import org.servicequality.ledger.ops.security.UsersFile;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's commands, run by the same jar as the service: {@code backup}, {@code restore},
 * {@code crash-test}, {@code bench}, {@code user} and {@code audit ...}. Any other first argument starts the service.
 */
final class OperatorCommands {

    static final String USAGE = """
            Usage: java -jar service-quality-ledger.jar [COMMAND] [--option value ...]
              (no command)                         run the service (options are Spring properties, e.g. --server.port=8080)
              backup --to FILE [--url URL] [--user NAME [--password-file PW]]
                                                   online backup of a running service's event store into FILE (a zip);
                                                   URL defaults to http://127.0.0.1:8080 (the service must be on this machine);
                                                   NAME is an ADMIN user; the password is PW's first line, else LEDGER_PASSWORD
              restore --from FILE --to DIR         unpack a backup into DIR (new or empty) and verify it against its digest;
                                                   then start the service with --ledger.data-dir=DIR
              user --name NAME --roles ROLE,ROLE [--departments ID,ID|*] [--data-dir DIR | --users-file FILE]
                                                   add or replace a user of the embedded user store (DIR defaults to ./data):
                                                   roles CLERK, HANDLER, QUALITY_OFFICE, AUDITOR, ADMIN; prints a generated
                                                   password once (the file keeps only its bcrypt hash); takes effect at once
              crash-test [--cycles 20] [--clients 4] [--min-up-ms 2000] [--max-up-ms 8000] [--probes 2] [--seed N]
                         [--work-dir DIR]          kill -9 the service under load again and again and check nothing was lost
              bench [--mode full|quick] [--events 1000000] [--seed 1] [--clients 16] [--command-rate 300] [--read-rate 500]
                    [--read-clients 16] [--seconds 30] [--departments 60] [--staff 3000] [--bulk-documents EVENTS/10]
                    [--user U --password P] [--service-jvm-options '...'] [--work-dir DIR] [--store DIR] [--report docs/benchmarks.md]
                                                   the benchmark suite against the speed targets (docs/benchmarks.md)
            """ + AuditCommands.USAGE;
    private static final Set<String> COMMANDS = Set.of("backup", "restore", "crash-test", "bench", "audit", "user");

    private OperatorCommands() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** @return the process exit code: 0 done, 1 failed, 2 wrong usage */
    static int run(String[] args) {
        boolean audit = args[0].equals("audit");
        if (audit && (args.length < 2 || args[1].startsWith("--"))) {
            return usage("audit needs a command: verify, export, history or replay");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = audit ? 2 : 1; i < args.length; i++) {
            String arg = args[i];
            if (audit && i == 2 && !arg.startsWith("--")) {
                options.put("target", arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                return usage("Unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                return usage("Option " + arg + " needs a value");
            }
        }
        try {
            return switch (args[0]) {
                case "audit" -> new AuditCommands(System.out, System.err).run(args[1], options);
                case "backup" -> required(options, "to") ? backup(options) : usage("backup needs --to FILE");
                case "user" -> required(options, "name") && required(options, "roles") ? user(options)
                        : usage("user needs --name NAME and --roles ROLE,ROLE");
                case "restore" -> required(options, "from") && required(options, "to") ? restore(options)
                        : usage("restore needs --from FILE and --to DIR");
                case "bench" -> bench(options);
                default -> crashTest(options);
            };
        } catch (IllegalArgumentException wrongOption) {
            return usage(wrongOption.getMessage());
        } catch (Exception failed) {
            System.err.println(args[0] + " failed: " + (failed.getMessage() == null ? failed : failed.getMessage()));
            // The message alone hid why a long run failed (an hour's work, and no cause to show for it).
            for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by " + cause);
            }
            return 1;
        }
    }

    private static int backup(Map<String, String> options) throws Exception {
        URI service = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        String authorization = null;
        if (options.containsKey("user")) {
            String password = options.containsKey("password-file")
                    ? Files.readAllLines(Path.of(options.get("password-file"))).stream().findFirst().orElse("")
                    : System.getenv().getOrDefault("LEDGER_PASSWORD", "");
            authorization = InternalClient.basic(options.get("user"), password);
        }
        BackupClient.Result result = BackupClient.backup(service, authorization, Path.of(options.get("to")));
        System.out.printf("Backed up %d events (SHA-256 %s) into %s%n", result.digest().events(), result.digest().sha256(), result.file());
        return 0;
    }

    private static int user(Map<String, String> options) {
        Path file = options.containsKey("users-file") ? Path.of(options.get("users-file"))
                : Path.of(options.getOrDefault("data-dir", "./data")).resolve(UsersFile.DEFAULT_NAME);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : options.get("roles").split(",")) {
            try {
                roles.add(Role.valueOf(role.strip()));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("Unknown role " + role + "; roles are " + Arrays.toString(Role.values()));
            }
        }
        Set<String> departments = Arrays.stream(options.getOrDefault("departments", "").split(","))
                .map(String::strip).filter(department -> !department.isEmpty()).collect(Collectors.toSet());
        String password = UsersFile.generatePassword();
        UsersFile.put(file, new LedgerUser(options.get("name"), UsersFile.hash(password, 10), roles, departments));
        System.out.printf("User %s (%s) in %s; password (shown only now): %s%n", options.get("name"), options.get("roles"), file, password);
        return 0;
    }

    private static int restore(Map<String, String> options) throws Exception {
        Path to = Path.of(options.get("to"));
        Restore.Result result = Restore.restore(Path.of(options.get("from")), to);
        System.out.printf("Restored %d events (SHA-256 %s, as backed up) into %s%n"
                        + "Start the service on it with --ledger.data-dir=%s; its read models are rebuilt by replay.%n",
                result.digest().events(), result.digest().sha256(), result.directory(), result.directory());
        return 0;
    }

    private static int crashTest(Map<String, String> options) throws Exception {
        Path work = options.containsKey("work-dir") ? Path.of(options.get("work-dir")) : Files.createTempDirectory("ledger-crash-test");
        CrashHarness.Settings settings = new CrashHarness.Settings(
                number(options, "cycles", 20), number(options, "clients", 4),
                Duration.ofMillis(number(options, "min-up-ms", 2000)), Duration.ofMillis(number(options, "max-up-ms", 8000)),
                number(options, "probes", 2), options.containsKey("seed") ? Long.parseLong(options.get("seed")) : System.nanoTime(),
                work);
        return new CrashHarness(settings, System.out).run().passed() ? 0 : 1;
    }

    /** @return 0 when every request of the run was answered with a 2xx, whether or not the targets were met */
    private static int bench(Map<String, String> options) throws Exception {
        BenchSettings settings = BenchSettings.fromOptions(options, Path.of(System.getProperty("java.io.tmpdir"), "ledger-bench"));
        return new BenchSuite(settings, System.out).run().failures() == 0 ? 0 : 1;
    }

    private static boolean required(Map<String, String> options, String name) {
        return options.containsKey(name) && !options.get(name).isBlank();
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        try {
            int value = options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of at least 0");
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.print(USAGE);
        return 2;
    }
}
