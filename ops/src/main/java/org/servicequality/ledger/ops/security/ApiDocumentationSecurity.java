package org.servicequality.ledger.ops.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * The OpenAPI document states how to log in: HTTP Basic (users file) or a bearer JWT (resource-server mode), on every
 * operation except the public ones, which {@link SecurityConfiguration} opens to everyone.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationSecurity {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    /** The paths anyone may read or post to, as in {@link SecurityConfiguration}'s rules. */
    private static final List<String> PUBLIC = List.of("/", "/departments/**", "/rankings", "/api/board", "/api/board.csv",
            "/api/board/**", "/api/scorecards", "/api/scorecards/**", "/api/rankings/**", "/api/public/**", "/actuator/health",
            "/actuator/health/**");

    @Bean
    OpenApiCustomizer loginSchemes() {
        AntPathMatcher paths = new AntPathMatcher();
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("A user of the ledger's users file (README, \"Who may do what\")"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                            .description("A token of the configured identity provider; roles and departments from its claims"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (PUBLIC.stream().noneMatch(open -> paths.match(open, path))) {
                    for (Operation operation : item.readOperations()) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                    }
                }
            });
        };
    }
}
