package org.servicequality.ledger.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The service under test, reached over HTTP/1.1 like any client, with HTTP Basic credentials when given (write
 * endpoints need them once the service runs with its security enabled).
 */
final class HttpTarget {

    /** What a load generator sends: a GET when {@code body} is null, otherwise a JSON POST with an Idempotency-Key. */
    record Request(String path, String body, String idempotencyKey) {

        static Request get(String path) {
            return new Request(path, null, null);
        }
    }

    record Answer(int status, String body) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final Optional<String> authorization;

    HttpTarget(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = user == null || user.isBlank() ? Optional.empty()
                : Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
    }

    Answer send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (request.body() == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .header("Idempotency-Key", request.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
