package org.servicequality.ledger.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started from Debian's binaries ({@code apt-get install postgresql}, which
 * {@code .ci/run} does) in a fresh directory on a free loopback port, and removed afterwards. Without the binaries
 * it fails, saying what to install, rather than letting the PostgreSQL tests pass without PostgreSQL.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "ledger";

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path binaries, Path dataDirectory, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static LocalPostgres start() throws IOException, InterruptedException {
        Path binaries = findBinaries();
        // initdb and postgres refuse to run as root (CI runs as root): then they run as Debian's postgres user.
        boolean asPostgresUser = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("ledger-postgres-");
        if (asPostgresUser) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
        }
        Path data = directory.resolve("data");
        LocalPostgres postgres = new LocalPostgres(binaries, data, freePort(), asPostgresUser);
        postgres.run("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
        postgres.run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-c listen_addresses=127.0.0.1 -p " + postgres.port + " -c unix_socket_directories=" + directory
                        + " -c fsync=off -c max_connections=200",
                "start");
        return postgres;
    }

    /** A new, empty database on this server, as a JDBC URL for the {@value #USER} user (no password). */
    String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", dataDirectory.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("ledger-postgres-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within 90 s: " + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Debian installs the server programs under /usr/lib/postgresql/VERSION/bin, off the PATH; take the newest. */
    private static Path findBinaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                        .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                        .map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries under " + debian + ": the PostgreSQL tests need a real "
                + "server. Install Debian's package first (apt-get install postgresql; .ci/run does this on CI machines).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
