package org.servicequality.ledger.command.award;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.AwardStarRating;
import org.servicequality.ledger.api.award.RevokeStarRating;
import org.servicequality.ledger.api.award.StarRatingCriterion;
import org.servicequality.ledger.command.http.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

@RestController
@RequestMapping("/api/star-ratings")
class StarRatingController {

    private final CommandGateway commands;

    StarRatingController(CommandGateway commands) {
        this.commands = commands;
    }

    /** Awards the first rating of a department and period, or a new one after a revocation. */
    @PostMapping
    ResponseEntity<Map<String, String>> award(@Valid @RequestBody AwardRequest request,
                                              @IfMatch Long expectedVersion) {
        Period period = Periods.parse(request.period(), "period");
        AwardStarRating command = new AwardStarRating(request.departmentId(), period, request.stars(), request.scores(),
                request.awardedAt(), expectedVersion);
        commands.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/star-ratings/" + request.departmentId() + "/" + period))
                .body(Map.of("starRatingId", command.starRatingId()));
    }

    @PostMapping("/{departmentId}/{period}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String departmentId, @PathVariable String period,
                                @Valid @RequestBody RevokeRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RevokeStarRating(departmentId, Periods.parse(period, "period"), request.reason(),
                request.revokedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    /**
     * @param period  {@code yyyy}, {@code yyyy-Qn} or {@code yyyy-MM}
     * @param scores  a score of 0 to 100 for every criterion
     */
    record AwardRequest(@NotBlank @Size(max = 40) String departmentId,
                        @NotBlank @Size(max = 10) String period,
                        @Min(1) @Max(5) int stars,
                        @NotNull Map<@NotNull StarRatingCriterion, @NotNull @Min(0) @Max(100) Integer> scores,
                        @NotNull Instant awardedAt) {
    }

    record RevokeRequest(@NotBlank @Size(max = 5000) String reason, @NotNull Instant revokedAt) {
    }
}
