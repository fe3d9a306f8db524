package org.servicequality.ledger.ops.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.servicequality.ledger.ops.security.Role.ADMIN;
import static org.servicequality.ledger.ops.security.Role.AUDITOR;
import static org.servicequality.ledger.ops.security.Role.CLERK;
import static org.servicequality.ledger.ops.security.Role.HANDLER;
import static org.servicequality.ledger.ops.security.Role.QUALITY_OFFICE;

/**
 * Who may do what (README, "Who may do what"). Two chains: the API (and actuator) is stateless, HTTP Basic or a
 * JWT bearer token, no session and so no CSRF exposure; the web pages get a login form, a session and CSRF
 * protection. Anything without a rule is refused: a new endpoint stays closed until it is given one here and an
 * entry in the authorization matrix test.
 *
 * <p>An auto-configuration rather than a scanned component, so that every process started from the ledger's jar is
 * protected the same way: the single process and each side of the scaled-out mode (docs/scaled-out.md). Only in a
 * web application: a context without a web server (the benchmark's in-process ledger) has no endpoints to protect.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
@Import({DepartmentScopeConfiguration.class, ApiDocumentationSecurity.class})
@EnableConfigurationProperties(LedgerSecurityProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(new BCryptPasswordEncoder());
    }

    /**
     * Spring Security otherwise records a Micrometer observation around every filter of the chain, every
     * authentication and every authorization (a timer and a long-task timer each): a large share of a command's CPU
     * (docs/benchmarks.md, "Found and fixed" 11), for meters nobody reads. A request is still timed once, as
     * {@code http.server.requests}, and refusals show there by status.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    InternalClient internalClient() {
        return new InternalClient("demo-seeder", UsersFile.generatePassword());
    }

    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties settings, @Value("${ledger.data-dir:./data}") Path dataDirectory,
                                   InternalClient internal) {
        Path file = settings.usersFile() != null ? settings.usersFile() : dataDirectory.resolve(UsersFile.DEFAULT_NAME);
        // The demo seeds a whole organisation: it needs every role and every department.
        return new FileUserDetailsService(file, new LedgerUser(internal.name(), UsersFile.hash(internal.password(), 4),
                EnumSet.allOf(Role.class), Set.of(LedgerUser.ALL_DEPARTMENTS)));
    }

    /** Ahead of everything, security included: an oversized body is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(LedgerSecurityProperties settings) {
        int maxBytes = settings.maxRequestBytes();
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(maxBytes));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before security and the controllers, so a flood is turned away at the cheapest point. */
    @Bean
    FilterRegistrationBean<PublicIntakeRateLimit> publicIntakeRateLimit(
            LedgerSecurityProperties settings) {
        int perMinute = settings.publicIntake().perMinute();
        FilterRegistrationBean<PublicIntakeRateLimit> registration = new FilterRegistrationBean<>(new PublicIntakeRateLimit(perMinute));
        registration.addUrlPatterns("/api/public/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
                "request.rejected", "The request was refused as malformed or hostile (for example a path with '..' or an encoded slash).");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, LedgerSecurityProperties settings) throws Exception {
        LedgerSecurityProperties.Jwt claims = settings.jwt();
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"service-quality-ledger\"");
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "authentication.required",
                    "This needs a login: HTTP Basic with a user of the ledger, or a bearer token.");
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> ProblemResponses.write(request, response,
                HttpStatus.FORBIDDEN, "role.missing", "Your role does not allow this.");
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .headers(SecurityConfiguration::securityHeaders)
                .authorizeHttpRequests(SecurityConfiguration::apiRules);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(fromClaims(claims.principalClaim(), claims.rolesClaim(), claims.departmentsClaim()))));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webPages(HttpSecurity http) throws Exception {
        http.formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .headers(SecurityConfiguration::securityHeaders)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/", "/departments/*", "/rankings", "/board.css", "/favicon.ico").permitAll()
                        // The API's documentation is public like the document it shows (/v3/api-docs).
                        .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/login").permitAll()
                        // Error pages are rendered for a failed request by an inner dispatch; asked for directly,
                        // Spring Boot's error page would claim a 500, so it is not open to direct requests.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The API's rules, one line per group of endpoints. A HANDLER's rules are further narrowed to their departments'
     * cases by {@link DepartmentScope}.
     */
    private static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
                // The public: board, open data, scorecards, rankings and the public intake.
                .requestMatchers(HttpMethod.GET, "/api/board", "/api/board.csv", "/api/board/**", "/api/scorecards", "/api/scorecards/**",
                        "/api/rankings/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/public/complaints", "/api/public/commendations").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml",
                        "/v3/api-docs/**").permitAll()
                // Recording what came in by phone, letter or in person.
                .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/commendations").hasRole(CLERK.name())
                // Handling a department's own cases.
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/reply", "/api/rectifications/*/progress",
                        "/api/rectifications/*/evidence", "/api/inspections/*/findings/*/appeal").hasRole(HANDLER.name())
                .requestMatchers(HttpMethod.GET, "/api/audit/cases/*", "/api/audit/departments/*/history")
                .hasAnyRole(AUDITOR.name(), HANDLER.name())
                // The quality office: triage, routing, inspections, rectification orders and verification, awards.
                .requestMatchers(HttpMethod.POST, "/api/complaints/*/*", "/api/commendations/*/*", "/api/inspections",
                        "/api/inspections/**", "/api/rectifications", "/api/rectifications/*/verify",
                        "/api/rectifications/*/reject-evidence", "/api/star-ratings", "/api/star-ratings/**",
                        "/api/service-star-rounds", "/api/service-star-rounds/**").hasRole(QUALITY_OFFICE.name())
                // Auditors read everything, histories, verification and exports included.
                .requestMatchers(HttpMethod.GET, "/api/audit/**").hasRole(AUDITOR.name())
                // Administration: the organisation, its staff, backups, checkpoints, read-model rebuilds, the service's own metrics.
                .requestMatchers(HttpMethod.POST, "/api/departments", "/api/departments/**", "/api/staff", "/api/staff/**",
                        "/api/ops/**", "/api/audit/checkpoints").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/ops/**", "/actuator/**").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, "/api/ops/rebuilds/*").hasRole(ADMIN.name())
                .anyRequest().denyAll();
    }

    private static void securityHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
    }

    /** Roles and departments from configurable claims, so any issuer's token layout can be mapped without code. */
    private static Converter<Jwt, AbstractAuthenticationToken> fromClaims(String principalClaim, String rolesClaim, String departmentsClaim) {
        return jwt -> {
            List<Role> roles = claimList(jwt, rolesClaim).stream()
                    .filter(name -> EnumSet.allOf(Role.class).stream().anyMatch(role -> role.name().equals(name)))
                    .map(Role::valueOf).toList();
            return new JwtAuthenticationToken(jwt, Authorities.of(roles, claimList(jwt, departmentsClaim)), jwt.getClaimAsString(principalClaim));
        };
    }

    private static Collection<String> claimList(Jwt jwt, String claim) {
        List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : null;
        return values == null ? List.of() : values;
    }
}
