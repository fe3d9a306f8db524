package org.servicequality.ledger.ops.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

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

    /**
     * @param sent    the body as it came over the wire
     * @param gzipped whether it came gzip-compressed ({@code Content-Encoding: gzip})
     */
    record Answer(int status, byte[] sent, boolean gzipped) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** The body uncompressed: only when it is read, so a load phase's clients spend no CPU on it. */
        byte[] content() {
            if (!gzipped) {
                return sent;
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(sent))) {
                return in.readAllBytes();
            } catch (IOException corrupt) {
                throw new UncheckedIOException("A gzip body that does not decompress", corrupt);
            }
        }

        String body() {
            return new String(content(), StandardCharsets.UTF_8);
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
            // as every browser does: a reader of the public board gets it compressed when the service offers that
            builder.header("Accept-Encoding", "gzip").GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .header("Idempotency-Key", request.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent());
    }
}
