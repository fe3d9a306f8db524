package org.servicequality.ledger.ops.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Logins and the limits put on anonymous callers (README, "Who may do what").
 *
 * @param usersFile       the users file; by default {@code users.txt} in the data directory
 * @param maxRequestBytes a request body to {@code /api/} larger than this is refused with 413 before it is read
 * @param publicIntake    the public intake's rate limit
 * @param jwt             where a bearer token's claims say who the caller is (resource-server mode)
 */
@ConfigurationProperties("ledger.security")
@Validated
record LedgerSecurityProperties(Path usersFile,
                                @Min(1024) @DefaultValue("262144") int maxRequestBytes,
                                @NotNull @Valid @DefaultValue PublicIntake publicIntake,
                                @NotNull @Valid @DefaultValue Jwt jwt) {

    /** @param perMinute complaints and praise one client address may file per minute */
    record PublicIntake(@Min(1) @DefaultValue("20") int perMinute) {
    }

    /**
     * @param principalClaim   the claim naming the acting user (recorded in every event's metadata)
     * @param rolesClaim       the claim listing the ledger roles
     * @param departmentsClaim the claim listing a handler's departments ({@code *} for all)
     */
    record Jwt(@NotBlank @DefaultValue("sub") String principalClaim,
               @NotBlank @DefaultValue("roles") String rolesClaim,
               @NotBlank @DefaultValue("departments") String departmentsClaim) {
    }
}
