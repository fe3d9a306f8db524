package org.servicequality.ledger.ops;

import org.servicequality.ledger.ops.security.InternalClient;
import org.servicequality.ledger.ops.security.LedgerUser;
import org.servicequality.ledger.ops.security.Role;
import org.servicequality.ledger.ops.security.UsersFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real application on the embedded defaults, started on a given data directory and a random
 * port, the way an operator starts it (minus the jar). Tests drive it over HTTP.
 *
 * <p>Requests log in as {@link #TEST_USER}, whom {@link #start} puts into the data directory's users file: every
 * role and every department ({@code *}), so the tests of the domain do everything they did before logins existed.
 * That is an ordinary user line, the same an operator could write; production rules are not relaxed for it.
 * {@link #as}, {@link #anonymous} and {@link #addUser} give other views of the same running service.
 */
public final class RunningLedger implements AutoCloseable {

    public static final String TEST_USER = "ledger-test";
    public static final String TEST_PASSWORD = "ledger-test-password";

    private final ConfigurableApplicationContext context;
    private final Path usersFile;
    private final String authorization;
    private final boolean owner;
    private final String baseUrl;
    private final RestClient http;

    private RunningLedger(ConfigurableApplicationContext context, Path usersFile, String authorization, boolean owner) {
        this.context = context;
        this.usersFile = usersFile;
        this.authorization = authorization;
        this.owner = owner;
        this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public static RunningLedger start(Path dataDirectory, String... extraArgs) {
        writeTestUser(dataDirectory);
        return startAsIs(dataDirectory, extraArgs);
    }

    /** Starts on the data directory as it is: without a users file, the service creates its first admin. */
    public static RunningLedger startAsIs(Path dataDirectory, String... extraArgs) {
        LedgerApplication.disableAxonUpdateChecker();
        String[] args = Stream.concat(Stream.of(
                        "--ledger.data-dir=" + dataDirectory,
                        "--server.port=0",
                        "--spring.main.banner-mode=off"),
                Arrays.stream(extraArgs)).toArray(String[]::new);
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class).run(args),
                dataDirectory.resolve(UsersFile.DEFAULT_NAME), InternalClient.basic(TEST_USER, TEST_PASSWORD), true);
    }

    /** Puts {@link #TEST_USER} into the directory's users file (for tests that start the service their own way). */
    public static void writeTestUser(Path dataDirectory) {
        // bcrypt's lowest cost: a few hundred tests make thousands of requests, each checking the password.
        UsersFile.put(dataDirectory.resolve(UsersFile.DEFAULT_NAME), new LedgerUser(TEST_USER, UsersFile.hash(TEST_PASSWORD, 4),
                EnumSet.allOf(Role.class), Set.of(LedgerUser.ALL_DEPARTMENTS)));
    }

    /** The same service, logged in as another user; closing the view leaves the service running. */
    public RunningLedger as(String user, String password) {
        return withAuthorization(InternalClient.basic(user, password));
    }

    /** The same service, sending this {@code Authorization} header (a bearer token, say). */
    public RunningLedger withAuthorization(String authorization) {
        return new RunningLedger(context, usersFile, authorization, false);
    }

    /** The same service, as the public sees it: no login. */
    public RunningLedger anonymous() {
        return new RunningLedger(context, usersFile, null, false);
    }

    /** Adds (or replaces) a user; the service reads its users file again on the next login. */
    public RunningLedger addUser(String name, String password, Set<Role> roles, String... departments) {
        UsersFile.put(usersFile, new LedgerUser(name, UsersFile.hash(password, 4), roles, Set.of(departments)));
        return as(name, password);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return exchange(http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(this::login)
                .headers(h -> headers.forEach(h::add))
                .body(json));
    }

    public Response get(String path) {
        return exchange(http.get().uri(path).headers(this::login));
    }

    public Response delete(String path) {
        return exchange(http.delete().uri(path).headers(this::login));
    }

    private static Response exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((sent, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Every event in the event store, counted straight from its table. */
    public long storedEvents() {
        return new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** The {@code Authorization} header value this view logs in with, or null when anonymous. */
    public String authorization() {
        return authorization;
    }

    private void login(HttpHeaders headers) {
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    @Override
    public void close() {
        if (owner) {
            context.close();
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {
    }
}
