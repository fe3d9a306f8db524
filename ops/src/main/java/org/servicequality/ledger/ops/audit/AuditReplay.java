package org.servicequality.ledger.ops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicequality.ledger.ops.LedgerApplication;
import org.servicequality.ledger.ops.embedded.DataDirectory;
import org.servicequality.ledger.ops.security.InternalClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code audit replay [group|all]}: rebuilds projections from the event store into new collections and switches to
 * them, through the service's rebuild API ({@code /api/ops/rebuilds}). Against a running service ({@code --url}) the
 * service keeps serving meanwhile; on a data directory the service is started on it for the replay alone (loopback
 * only, a free port) and stopped afterwards; it then logs in as the service's own in-memory client. That is a start like any other: deadlines that fell due while the service
 * was stopped fire. Progress is drawn on the error stream.
 */
final class AuditReplay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BAR = 30;

    private final PrintStream out;
    private final PrintStream progressOut;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AuditReplay(PrintStream out, PrintStream progressOut) {
        this.out = out;
        this.progressOut = progressOut;
    }

    /** @param credentials {@code user:password} for HTTP Basic, when the service asks for it */
    int online(URI service, String target, Optional<String> credentials) throws IOException, InterruptedException {
        return replay(service, target, credentials);
    }

    int offline(Path dataDirectory, String target) throws IOException, InterruptedException {
        if (!Files.exists(DataDirectory.eventStoreFile(dataDirectory))) {
            throw new IllegalArgumentException("No event store in " + dataDirectory.toAbsolutePath() + " (use --data-dir)");
        }
        progressOut.println("Starting the ledger on " + dataDirectory.toAbsolutePath() + " for the replay ...");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            InternalClient internal = service.getBean(InternalClient.class);
            return replay(URI.create("http://127.0.0.1:" + port), target, Optional.of(internal.name() + ":" + internal.password()));
        }
    }

    private int replay(URI service, String target, Optional<String> credentials) throws IOException, InterruptedException {
        HttpResponse<String> started;
        try {
            started = send(request(service.resolve("/api/ops/rebuilds"), credentials)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("processingGroup", target).toString())));
        } catch (ConnectException refused) {
            throw new IOException("No service answers at " + service + " (start it, or replay a stopped one's --data-dir)", refused);
        }
        if (started.statusCode() == 400) {
            throw new IllegalArgumentException(detail(started));
        }
        if (started.statusCode() != 202) {
            out.printf("Replay refused (%d): %s%n", started.statusCode(), detail(started));
            return 1;
        }
        String id = JSON.readTree(started.body()).get("id").asText();
        URI status = service.resolve("/api/ops/rebuilds/" + id);
        long began = System.nanoTime();
        JsonNode rebuild = JSON.readTree(started.body());
        while (rebuild.get("status").asText().equals("RUNNING")) {
            draw(rebuild);
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> polled = send(request(status, credentials).GET());
            if (polled.statusCode() != 200) {
                progressOut.println();
                out.printf("Lost the rebuild %s (%d): %s%n", id, polled.statusCode(), detail(polled));
                return 1;
            }
            rebuild = JSON.readTree(polled.body());
        }
        draw(rebuild);
        progressOut.println();
        return summary(rebuild, (System.nanoTime() - began) / 1e9);
    }

    /** {@code [#########.........]  45%  1,234 / 2,700 events  350 events/s  ETA 4 s} */
    private void draw(JsonNode rebuild) {
        long done = rebuild.get("eventsDone").asLong();
        long total = rebuild.get("eventsTotal").asLong();
        int filled = total == 0 ? 0 : (int) Math.min(BAR, BAR * done / total);
        JsonNode eta = rebuild.get("etaSeconds");
        progressOut.printf("\r[%s%s] %3d%%  %,d / %,d events  %,.0f events/s  ETA %s   ", "#".repeat(filled), ".".repeat(BAR - filled),
                total == 0 ? 0 : 100 * done / total, done, total, rebuild.get("eventsPerSecond").asDouble(),
                eta == null || eta.isNull() ? "-" : eta.asLong() + " s");
    }

    private int summary(JsonNode rebuild, double seconds) {
        String outcome = rebuild.get("status").asText();
        out.printf("Replay %s: %s, %,d events in %.1f s%n", rebuild.get("id").asText(), outcome,
                rebuild.get("eventsDone").asLong(), seconds);
        for (JsonNode group : rebuild.get("processingGroups")) {
            out.printf("  %-22s %-9s generation %d (was %d)%s%n", group.get("processingGroup").asText(), group.get("status").asText(),
                    group.get("generation").asInt(), group.get("previousGeneration").asInt(),
                    group.get("failure").isNull() ? "" : ": " + group.get("failure").asText());
        }
        return outcome.equals("COMPLETED") ? 0 : 1;
    }

    private static HttpRequest.Builder request(URI uri, Optional<String> credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        credentials.ifPresent(userAndPassword -> request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : response.body();
        } catch (IOException notJson) {
            return response.body();
        }
    }
}
