package org.servicequality.ledger.ops.crash;

import org.servicequality.ledger.ops.security.InternalClient;
import org.servicequality.ledger.ops.security.LedgerUser;
import org.servicequality.ledger.ops.security.Role;
import org.servicequality.ledger.ops.security.UsersFile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real service in a child JVM, on a given data directory and a free loopback port, the way an operator
 * runs it. Its output goes to a log file, appended across restarts.
 */
public final class LedgerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String MAIN_CLASS = "org.servicequality.ledger.ops.LedgerApplication";

    /** The harness's own user, put into the data directory's users file with a fresh secret at every start. */
    private static final String HARNESS_USER = "crash-harness";

    private final Process process;
    private final String baseUrl;
    private final String authorization;

    private LedgerProcess(Process process, String baseUrl, String authorization) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /**
     * A small heap and a quickly compiling JVM: a few of these run side by side with the harness on small machines.
     */
    private static final List<String> SMALL_CHILD = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Starts the service on a small JVM and returns once it reports itself healthy. */
    public static LedgerProcess start(Path dataDirectory, Path log) throws IOException, InterruptedException {
        return start(dataDirectory, log, SMALL_CHILD);
    }

    /** Starts the service with the given JVM options (none: the JVM's defaults) and returns once it reports itself healthy. */
    public static LedgerProcess start(Path dataDirectory, Path log, List<String> jvmOptions) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        String password = UsersFile.generatePassword();
        // It drives every kind of command, in every department.
        UsersFile.put(dataDirectory.resolve(UsersFile.DEFAULT_NAME), new LedgerUser(HARNESS_USER, UsersFile.hash(password, 4),
                EnumSet.allOf(Role.class), Set.of(LedgerUser.ALL_DEPARTMENTS)));
        List<String> command = new ArrayList<>(javaAndClasspath(jvmOptions));
        command.addAll(List.of(
                "--ledger.data-dir=" + dataDirectory,
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        LedgerProcess ledger = new LedgerProcess(process, "http://127.0.0.1:" + port, InternalClient.basic(HARNESS_USER, password));
        try {
            ledger.awaitHealthy(log);
        } catch (IOException | InterruptedException | RuntimeException failed) {
            ledger.kill();
            throw failed;
        }
        return ledger;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The {@code Authorization} header value that logs in as the harness's user. */
    public String authorization() {
        return authorization;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful shutdown an operator's Ctrl-C or a service manager's stop triggers. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The service did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    /** The command that runs the service: this JVM's own classpath, or the executable jar when this runs from it. */
    private static List<String> javaAndClasspath(List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            command.addAll(List.of("-jar", classpath));
        } else {
            command.addAll(List.of("-cp", classpath, MAIN_CLASS));
        }
        return command;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
