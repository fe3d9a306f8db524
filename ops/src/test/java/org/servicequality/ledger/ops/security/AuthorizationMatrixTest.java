package org.servicequality.ledger.ops.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.ADMIN;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.AUDITOR;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.CLERK;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.HANDLER;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.NOBODY;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.PUBLIC;
import static org.servicequality.ledger.ops.security.AuthorizationMatrixTest.Who.QUALITY_OFFICE;

/**
 * Every endpoint the running service maps (controllers and actuator, read from Spring's handler mappings) against
 * every role: who gets through and who is refused. An endpoint missing from {@link #MATRIX} fails the test, and so
 * does an entry whose endpoint is gone. Adding an endpoint means adding its line here and its rule in
 * {@link SecurityConfiguration}.
 *
 * <p>"Gets through" means anything but 401/403 (the dummy ids and empty bodies used here are mostly 400 or 404,
 * never 5xx); "refused" is 401 without a login and 403 with one on the API, and the login page for the web pages. A HANDLER here works for a
 * department that has no cases, so their scoped endpoints answer 404 ({@link DepartmentScopeTest} covers the
 * rest).
 */
class AuthorizationMatrixTest {

    /** PUBLIC: everyone, logged in or not. NOBODY: no direct request (an inner dispatch only). */
    enum Who { PUBLIC, CLERK, HANDLER, QUALITY_OFFICE, AUDITOR, ADMIN, NOBODY }

    private static final Map<String, Set<Who>> MATRIX = matrix(
            // The public board, open data and the public intake
            "GET /", PUBLIC,
            "GET /departments/{departmentId}", PUBLIC,
            "GET /rankings", PUBLIC,
            "GET /api/board", PUBLIC,
            "GET /api/board.csv", PUBLIC,
            "GET /api/board/departments/{departmentId}", PUBLIC,
            "GET /api/board/rectifications.csv", PUBLIC,
            "GET /api/board/departments/{departmentId}/findings.csv", PUBLIC,
            "GET /api/board/checkpoints", PUBLIC,
            "GET /api/board/checkpoints.csv", PUBLIC,
            "GET /api/scorecards", PUBLIC,
            "GET /api/scorecards/{departmentId}", PUBLIC,
            "GET /api/rankings/service-stars", PUBLIC,
            "POST /api/public/complaints", PUBLIC,
            "POST /api/public/commendations", PUBLIC,
            "GET /actuator/health", PUBLIC,
            "GET /actuator/health/**", PUBLIC,
            "GET /v3/api-docs", PUBLIC,
            "GET /v3/api-docs/swagger-config", PUBLIC,
            "GET /v3/api-docs.yaml", PUBLIC,
            "GET /swagger-ui.html", PUBLIC,
            // Intake by staff
            "POST /api/complaints", CLERK,
            "POST /api/commendations", CLERK,
            // Complaint handling
            "POST /api/complaints/{complaintId}/reply", HANDLER,
            "POST /api/complaints/{complaintId}/triage", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/assistance-requests", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/forward", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/escalate", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/resolve", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/satisfaction-follow-up", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/reopen", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/withdraw", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/mark-invalid", QUALITY_OFFICE,
            "POST /api/complaints/{complaintId}/erase-personal-data", QUALITY_OFFICE,
            "POST /api/commendations/{commendationId}/verify", QUALITY_OFFICE,
            "POST /api/commendations/{commendationId}/reject", QUALITY_OFFICE,
            // Inspections, findings, rectifications
            "POST /api/inspections", QUALITY_OFFICE,
            "POST /api/inspections/{inspectionId}/findings", QUALITY_OFFICE,
            "POST /api/inspections/{inspectionId}/circulate", QUALITY_OFFICE,
            "POST /api/inspections/{inspectionId}/findings/{findingId}/appeal", HANDLER,
            "POST /api/inspections/{inspectionId}/findings/{findingId}/uphold", QUALITY_OFFICE,
            "POST /api/inspections/{inspectionId}/findings/{findingId}/overturn", QUALITY_OFFICE,
            "POST /api/rectifications", QUALITY_OFFICE,
            "POST /api/rectifications/{rectificationId}/progress", HANDLER,
            "POST /api/rectifications/{rectificationId}/evidence", HANDLER,
            "POST /api/rectifications/{rectificationId}/verify", QUALITY_OFFICE,
            "POST /api/rectifications/{rectificationId}/reject-evidence", QUALITY_OFFICE,
            // Ratings and Service Stars
            "POST /api/star-ratings", QUALITY_OFFICE,
            "POST /api/star-ratings/{departmentId}/{period}/revoke", QUALITY_OFFICE,
            "POST /api/service-star-rounds", QUALITY_OFFICE,
            "POST /api/service-star-rounds/{period}/nominations", QUALITY_OFFICE,
            "POST /api/service-star-rounds/{period}/nominations/{employeeNumber}/award", QUALITY_OFFICE,
            "POST /api/service-star-rounds/{period}/nominations/{employeeNumber}/revoke", QUALITY_OFFICE,
            "POST /api/service-star-rounds/{period}/close", QUALITY_OFFICE,
            // Audit
            "GET /api/audit/cases/{aggregateId}", AUDITOR, HANDLER,
            "GET /api/audit/departments/{departmentId}/history", AUDITOR, HANDLER,
            "GET /api/audit/staff/{employeeNumber}/history", AUDITOR,
            "GET /api/audit/verification", AUDITOR,
            "GET /api/audit/exports/events", AUDITOR,
            "POST /api/audit/checkpoints", ADMIN,
            // Administration
            "POST /api/departments", ADMIN,
            "POST /api/departments/{departmentId}/rename", ADMIN,
            "POST /api/departments/{departmentId}/retire", ADMIN,
            "POST /api/departments/{departmentId}/commitments", ADMIN,
            "POST /api/departments/{departmentId}/commitments/{commitmentId}/withdraw", ADMIN,
            "POST /api/departments/{departmentId}/phrase-standard", ADMIN,
            "POST /api/departments/{departmentId}/service-volume", ADMIN,
            "POST /api/staff", ADMIN,
            "POST /api/staff/{employeeNumber}/transfer", ADMIN,
            "POST /api/staff/{employeeNumber}/leave", ADMIN,
            "POST /api/ops/backup", ADMIN,
            "POST /api/ops/rebuilds", ADMIN,
            "GET /api/ops/rebuilds", ADMIN,
            "GET /api/ops/rebuilds/{id}", ADMIN,
            "DELETE /api/ops/rebuilds/{id}", ADMIN,
            "GET /actuator/prometheus", ADMIN,
            "GET /actuator", ADMIN,
            "GET /actuator/info", ADMIN,
            "GET /actuator/metrics", ADMIN,
            "GET /actuator/metrics/{requiredMetricName}", ADMIN,
            // Spring Boot's error page: rendered for failed requests, not served to direct ones
            "GET /error", NOBODY);

    private static final String PASSWORD = "matrix-password";

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;
    private static final Map<Who, RunningLedger> AS = new EnumMap<>(Who.class);

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        AS.put(PUBLIC, ledger.anonymous());
        for (Who role : List.of(CLERK, HANDLER, QUALITY_OFFICE, AUDITOR, ADMIN)) {
            // The handler's department has no cases: scoped endpoints answer 404, which is "through" here.
            AS.put(role, ledger.addUser("matrix-" + role.name().toLowerCase(), PASSWORD, EnumSet.of(Role.valueOf(role.name())), "NO-CASES"));
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void everyEndpointHasAnEntryAndEveryEntryAnEndpoint() {
        Set<String> mapped = mappedEndpoints();
        assertThat(new TreeSet<>(mapped)).as("endpoints without an entry in the matrix").isSubsetOf(MATRIX.keySet());
        assertThat(new TreeSet<>(MATRIX.keySet())).as("matrix entries without an endpoint").isSubsetOf(mapped);
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : new TreeSet<>(mappedEndpoints())) {
            Set<Who> allowed = MATRIX.getOrDefault(endpoint, Set.of());
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            for (Who who : List.of(PUBLIC, CLERK, HANDLER, QUALITY_OFFICE, AUDITOR, ADMIN)) {
                RunningLedger client = AS.get(who);
                RunningLedger.Response response = method.equals("GET") ? client.get(path) : client.post(path, "{}");
                boolean through = allowed.contains(PUBLIC) || allowed.contains(who);
                String outcome = outcome(response, who, through);
                if (outcome != null) {
                    wrong.add(endpoint + " as " + who + ": " + outcome);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() {
        for (String path : List.of("/", "/rankings", "/api/board")) {
            RunningLedger.Response response = AS.get(PUBLIC).get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.headers().getFirst("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(response.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void thePublicIntakeIsRateLimitedPerClientAddressAndOversizedBodiesAreRefusedEarly() {
        long before = ledger.storedEvents();
        List<Integer> statuses = new ArrayList<>();
        RunningLedger.Response limited = null;
        for (int i = 0; i < 25 && limited == null; i++) {
            RunningLedger.Response response = AS.get(PUBLIC).post("/api/public/commendations", "{\"departmentId\":\"\",\"text\":\"\"}");
            statuses.add(response.status());
            limited = response.status() == 429 ? response : null;
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(limited.headers().getFirst("Retry-After")).matches("\\d+");
        assertThat(limited.headers().getContentType()).hasToString("application/problem+json");

        RunningLedger.Response huge = AS.get(ADMIN).post("/api/departments", "{\"nameEn\":\"" + "x".repeat(300_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("request.too-large");
        assertThat(ledger.storedEvents()).isEqualTo(before);
    }

    private static String outcome(RunningLedger.Response response, Who who, boolean through) {
        int status = response.status();
        if (status >= 500) {
            return "answered " + status;
        }
        if (through) {
            return status == 401 || status == 403 ? "refused with " + status + ", expected to get through" : null;
        }
        // The web pages keep their own login (the form), so a refused page sends everybody there.
        boolean refused = status == (who == PUBLIC ? 401 : 403)
                || (status == 302 && String.valueOf(response.headers().getLocation()).endsWith("/login"));
        return refused ? null : "answered " + status + ", expected " + (who == PUBLIC ? "401" : "403") + " or the login page";
    }

    /** Every (method, pattern) pair of every MVC handler mapping; a mapping without methods is reached with GET. */
    private static Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : ledger.context().getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(method + " " + pattern.replace("{*path}", "**"));
                    }
                }
            }
        }
        return endpoints;
    }

    private static String concrete(String pattern) {
        return pattern.replace("**", "liveness").replaceAll("\\{[^}]+}", "x");
    }

    private static Map<String, Set<Who>> matrix(Object... entries) {
        Map<String, Set<Who>> matrix = new LinkedHashMap<>();
        String endpoint = null;
        for (Object entry : entries) {
            if (entry instanceof String name) {
                endpoint = name;
                matrix.put(endpoint, EnumSet.noneOf(Who.class));
            } else {
                matrix.get(endpoint).add((Who) entry);
            }
        }
        return matrix;
    }
}
