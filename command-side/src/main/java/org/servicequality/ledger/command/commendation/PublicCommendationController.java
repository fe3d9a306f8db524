package org.servicequality.ledger.command.commendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.commendation.ReceiveCommendation;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.command.RecordedTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public intake for praise (表扬), without a login: channel {@link Channel#WEB}, received now (server time). */
@RestController
class PublicCommendationController {

    private final CommandGateway commands;

    PublicCommendationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/public/commendations")
    ResponseEntity<Map<String, String>> receive(@Valid @RequestBody PublicCommendationRequest request) {
        String commendationId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReceiveCommendation(commendationId, Channel.WEB, request.departmentId(),
                request.employeeNumbers() == null ? List.of() : request.employeeNumbers(), request.text(), RecordedTime.now()));
        return ResponseEntity.created(URI.create("/api/commendations/" + commendationId))
                .body(Map.of("commendationId", commendationId));
    }

    record PublicCommendationRequest(
            @NotBlank @Size(max = 40) String departmentId,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @NotBlank @Size(max = 5000) String text) {
    }
}
