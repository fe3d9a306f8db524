package org.servicequality.ledger.ops;

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
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real application on the embedded defaults, started on a given data directory and a random
 * port, the way an operator starts it (minus the jar). Tests drive it over HTTP.
 */
public final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final RestClient http;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public static RunningLedger start(Path dataDirectory, String... extraArgs) {
        LedgerApplication.disableAxonUpdateChecker();
        String[] args = Stream.concat(Stream.of(
                        "--ledger.data-dir=" + dataDirectory,
                        "--server.port=0",
                        "--spring.main.banner-mode=off"),
                Arrays.stream(extraArgs)).toArray(String[]::new);
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class).run(args));
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
        return http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::add))
                .body(json)
                .exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Response get(String path) {
        return http.get().uri(path)
                .exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return http.delete().uri(path)
                .exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Every event in the event store, counted straight from its table. */
    public long storedEvents() {
        return new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    @Override
    public void close() {
        context.close();
    }

    public record Response(int status, HttpHeaders headers, String body) {
    }
}
