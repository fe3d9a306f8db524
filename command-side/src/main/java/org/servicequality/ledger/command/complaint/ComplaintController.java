package org.servicequality.ledger.command.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.servicequality.ledger.command.http.Preconditions.expectedVersion;

@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    private final CommandGateway commands;

    ComplaintController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> file(@Valid @RequestBody FileComplaintRequest request) {
        String complaintId = UUID.randomUUID().toString();
        commands.sendAndWait(new FileComplaint(complaintId, request.channel(), request.kind(), request.category(),
                request.departmentId(), request.employeeNumbers() == null ? List.of() : request.employeeNumbers(),
                request.summary(), request.details() == null ? "" : request.details(), request.receivedAt()));
        return ResponseEntity.created(URI.create("/api/complaints/" + complaintId))
                .body(Map.of("complaintId", complaintId));
    }

    @PostMapping("/{complaintId}/reply")
    ResponseEntity<Void> reply(@PathVariable String complaintId, @Valid @RequestBody ReplyRequest request,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new ReplyToComplaint(complaintId, request.text(), request.repliedAt(), expectedVersion(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/resolve")
    ResponseEntity<Void> resolve(@PathVariable String complaintId, @Valid @RequestBody ResolveRequest request,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new ResolveComplaint(complaintId, request.outcome(), request.resolvedAt(), expectedVersion(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    record FileComplaintRequest(
            @NotNull Channel channel,
            @NotNull FeedbackKind kind,
            @NotNull Category category,
            @NotBlank @Size(max = 40) String departmentId,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @NotBlank @Size(max = 200) String summary,
            @Size(max = 5000) String details,
            @NotNull Instant receivedAt) {
    }

    record ReplyRequest(@NotBlank @Size(max = 5000) String text, @NotNull Instant repliedAt) {
    }

    record ResolveRequest(@NotNull ResolutionOutcome outcome, @NotNull Instant resolvedAt) {
    }
}
