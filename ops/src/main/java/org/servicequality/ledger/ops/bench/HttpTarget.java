package org.servicequality.ledger.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service under test, reached over HTTP/1.1 like any client, logged in with HTTP Basic (the harness's own user
 * unless {@code --user} names another).
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
    private final String authorization;

    /** @param authorization the {@code Authorization} header value every request carries */
    HttpTarget(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    Answer send(Request request) throws IOException, InterruptedException {
        return send(request, Duration.ofSeconds(60));
    }

    Answer send(Request request, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(timeout)
                .header("Accept", "application/json");
        builder.header("Authorization", authorization);
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
