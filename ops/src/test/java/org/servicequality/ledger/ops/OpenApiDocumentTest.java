package org.servicequality.ledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.json;

/** The OpenAPI document describes every HTTP endpoint the application maps, and Swagger UI is served. */
class OpenApiDocumentTest {

    @TempDir
    static Path dataDirectory;

    private static RunningLedger ledger;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDirectory);
        var response = ledger.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = json(response.body());
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void everyMappedEndpointIsDocumented() {
        RequestMappingHandlerMapping mappings = ledger.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.servicequality.ledger")) {
                continue; // Spring Boot's error controller, springdoc's own endpoints
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints++;
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(endpoints).isGreaterThan(60);
    }

    @Test
    void commandsDocumentTheirHeadersAndProblemAnswers() {
        JsonNode reply = document.path("paths").path("/api/complaints/{complaintId}/reply").path("post");
        assertThat(reply.path("parameters").findValuesAsText("name")).contains("complaintId", "If-Match", "Idempotency-Key")
                .doesNotContain("expectedVersion");
        assertThat(reply.path("requestBody").path("content").path("application/json").path("schema").isMissingNode()).isFalse();
        for (String status : new String[] {"400", "404", "409", "422"}) {
            assertThat(reply.path("responses").path(status).path("content").path("application/problem+json").path("schema").path("$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(document.path("components").path("schemas").has("ProblemDetail")).isTrue();
    }

    @Test
    void theOpenDataIsDocumentedForOutsideUsers() {
        assertThat(document.path("info").path("title").asText()).isEqualTo("Service Quality Ledger");
        JsonNode csv = document.path("paths").path("/api/board.csv").path("get");
        assertThat(csv.path("description").asText()).contains("reply_on_time_share");
        assertThat(csv.path("responses").path("200").path("content").has("text/csv")).isTrue();
        JsonNode tag = null;
        for (JsonNode candidate : document.path("tags")) {
            if (candidate.path("name").asText().equals("Open data: public board")) {
                tag = candidate;
            }
        }
        assertThat(tag).as("the open-data tag").isNotNull();
        assertThat(tag.path("description").asText()).contains("time zone", "Licence", "personal data");
    }

    @Test
    void theDocumentSaysWhereALoginIsNeeded() {
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.path("paths").path("/api/complaints/{complaintId}/reply").path("post").path("security").size())
                .as("a command needs a login: HTTP Basic or a bearer token").isEqualTo(2);
        assertThat(document.path("paths").path("/api/board").path("get").has("security")).as("the board is public").isFalse();
        assertThat(document.path("paths").path("/api/public/complaints").path("post").has("security")).isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(ledger.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
