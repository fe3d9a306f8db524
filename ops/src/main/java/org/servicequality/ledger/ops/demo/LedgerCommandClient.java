package org.servicequality.ledger.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends commands to the ledger's HTTP API the way any client does: JSON over HTTP with an {@code Idempotency-Key}. */
final class LedgerCommandClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final String authorization;
    private final ObjectMapper json;

    LedgerCommandClient(String baseUrl, String authorization, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.json = json;
    }

    /**
     * @param status   the HTTP status
     * @param replayed the service answered from its idempotency record: the request had been accepted before
     * @param body     the JSON answer (a problem body when refused), or a null node
     */
    record Answer(int status, boolean replayed, JsonNode body) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        String rule() {
            return body.path("rule").asText("");
        }
    }

    Answer post(String path, String idempotencyKey, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = response.body().length == 0 ? NullNode.getInstance() : readOrText(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Idempotent-Replayed").isPresent(), answer);
    }

    private JsonNode readOrText(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
