package org.servicequality.ledger.command.commendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.ReceiveCommendation;
import org.servicequality.ledger.api.commendation.RejectCommendation;
import org.servicequality.ledger.api.commendation.VerifyCommendation;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.command.http.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/commendations")
class CommendationController {

    private final CommandGateway commands;

    CommendationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> receive(@Valid @RequestBody ReceiveRequest request) {
        String commendationId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReceiveCommendation(commendationId, request.channel(), request.departmentId(),
                request.employeeNumbers() == null ? List.of() : request.employeeNumbers(), request.text(), request.receivedAt()));
        return ResponseEntity.created(URI.create("/api/commendations/" + commendationId))
                .body(Map.of("commendationId", commendationId));
    }

    @PostMapping("/{commendationId}/verify")
    ResponseEntity<Void> verify(@PathVariable String commendationId,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new VerifyCommendation(known(commendationId), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{commendationId}/reject")
    ResponseEntity<Void> reject(@PathVariable String commendationId, @Valid @RequestBody RejectRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RejectCommendation(known(commendationId), request.reasonCode(), request.reasonText(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    /** Commendation ids are UUIDs this API issued; anything else cannot name one. */
    private static String known(String commendationId) {
        try {
            if (UUID.fromString(commendationId).toString().equals(commendationId.toLowerCase())) {
                return commendationId;
            }
        } catch (IllegalArgumentException notAUuid) {
            // refused below
        }
        throw CommandRejectedException.notFound("commendation.unknown", "commendationId",
                "No commendation is recorded under id '" + commendationId + "'.");
    }

    record ReceiveRequest(
            @NotNull Channel channel,
            @NotBlank @Size(max = 40) String departmentId,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @NotBlank @Size(max = 5000) String text,
            @NotNull Instant receivedAt) {
    }

    record RejectRequest(@NotNull CommendationRejectionReason reasonCode, @NotBlank @Size(max = 5000) String reasonText) {
    }
}
