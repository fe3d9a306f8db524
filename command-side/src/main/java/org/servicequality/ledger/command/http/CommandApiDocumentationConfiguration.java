package org.servicequality.ledger.command.http;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Arrays;

/**
 * The command API's conventions in the OpenAPI document: the {@code If-Match} and {@code Idempotency-Key} headers,
 * and the RFC 9457 problem answers every command may give (docs/domain.md).
 */
@Configuration(proxyBeanMethods = false)
class CommandApiDocumentationConfiguration {

    private static final String PROBLEM = "application/problem+json";

    CommandApiDocumentationConfiguration() {
        // Read from the If-Match header by a resolver of our own, not a request parameter.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(IfMatch.class);
    }

    @Bean
    OpenApiCustomizer problemDetailSchema() {
        return openApi -> ModelConverters.getInstance().read(ProblemDetail.class)
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }

    @Bean
    OperationCustomizer commandApiConventions() {
        return (operation, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.servicequality.ledger.command")
                    || !handler.hasMethodAnnotation(PostMapping.class)) {
                return operation;
            }
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> parameter.hasParameterAnnotation(IfMatch.class))) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema()).example("\"3\"")
                        .description("The record's version (aggregate version) the client last saw, quoted; a stale version is refused with 409 if-match.stale"));
            }
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false).schema(new StringSchema()).example("intake-2026-11-20-0042")
                    .description("1 to 255 visible ASCII characters. A retry with the same key and request gets the first answer back and records nothing again; the same key with another request is refused with 422"));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            problem(responses, "400", "Invalid input: malformed JSON, a missing or invalid field (`errors[].field` names each), or a malformed Idempotency-Key");
            problem(responses, "404", "An id in the path or body names no record (`rule`: id.unknown)");
            problem(responses, "409", "The record's current state does not allow this (`rule` names the rule, e.g. complaint.already-resolved), a stale If-Match, or a request with this Idempotency-Key still running");
            problem(responses, "422", "The Idempotency-Key was already used for a different request");
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
        }
    }
}
