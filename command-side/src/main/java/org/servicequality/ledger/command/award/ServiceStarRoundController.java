package org.servicequality.ledger.command.award;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.AwardServiceStar;
import org.servicequality.ledger.api.award.CloseServiceStarRound;
import org.servicequality.ledger.api.award.NominateServiceStar;
import org.servicequality.ledger.api.award.OpenServiceStarRound;
import org.servicequality.ledger.api.award.RevokeServiceStar;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
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
@RequestMapping("/api/service-star-rounds")
class ServiceStarRoundController {

    private final CommandGateway commands;

    ServiceStarRoundController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenRequest request) {
        Period period = Periods.parse(request.period(), "period");
        OpenServiceStarRound command = new OpenServiceStarRound(period, request.awardLimit(), request.openedAt());
        commands.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/service-star-rounds/" + period))
                .body(Map.of("serviceStarRoundId", command.serviceStarRoundId()));
    }

    @PostMapping("/{period}/nominations")
    ResponseEntity<Void> nominate(@PathVariable String period, @Valid @RequestBody NominateRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new NominateServiceStar(Periods.parse(period, "period"), request.employeeNumber(),
                request.departmentId(), request.scores(), request.nominatedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{period}/nominations/{employeeNumber}/award")
    ResponseEntity<Void> award(@PathVariable String period, @PathVariable String employeeNumber,
                               @Valid @RequestBody AwardRequest request,
                               @IfMatch Long expectedVersion) {
        commands.sendAndWait(new AwardServiceStar(Periods.parse(period, "period"), employeeNumber, request.awardedAt(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{period}/nominations/{employeeNumber}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String period, @PathVariable String employeeNumber,
                                @Valid @RequestBody RevokeRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RevokeServiceStar(Periods.parse(period, "period"), employeeNumber, request.reason(),
                request.revokedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{period}/close")
    ResponseEntity<Void> close(@PathVariable String period, @Valid @RequestBody CloseRequest request,
                               @IfMatch Long expectedVersion) {
        commands.sendAndWait(new CloseServiceStarRound(Periods.parse(period, "period"), request.closedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    /** @param awardLimit how many stars the round may award; absent means 10 ("Ten Best Service Stars") */
    record OpenRequest(@NotBlank @Size(max = 10) String period,
                       @Min(1) @Max(ServiceStarRound.MAX_AWARD_LIMIT) Integer awardLimit,
                       @NotNull Instant openedAt) {
    }

    record NominateRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String employeeNumber,
            @NotBlank @Size(max = 40) String departmentId,
            @NotNull Map<@NotNull ServiceStarCriterion, @NotNull @Min(0) @Max(100) Integer> scores,
            @NotNull Instant nominatedAt) {
    }

    record AwardRequest(@NotNull Instant awardedAt) {
    }

    record RevokeRequest(@NotBlank @Size(max = 5000) String reason, @NotNull Instant revokedAt) {
    }

    record CloseRequest(@NotNull Instant closedAt) {
    }
}
