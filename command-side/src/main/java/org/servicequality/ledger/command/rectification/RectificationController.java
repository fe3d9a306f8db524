package org.servicequality.ledger.command.rectification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.rectification.OrderRectification;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RejectRectificationEvidence;
import org.servicequality.ledger.api.rectification.ReportRectificationProgress;
import org.servicequality.ledger.api.rectification.SubmitRectificationEvidence;
import org.servicequality.ledger.api.rectification.VerifyRectification;
import org.servicequality.ledger.command.http.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/rectifications")
class RectificationController {

    private final CommandGateway commands;

    RectificationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> order(@Valid @RequestBody OrderRequest request) {
        String rectificationId = UUID.randomUUID().toString();
        SourceRequest source = request.source();
        commands.sendAndWait(new OrderRectification(rectificationId,
                new RectificationSource(source.kind(), source.complaintId(), source.inspectionId(), source.findingId()),
                request.departmentId(), request.requiredAction(), request.dueDate(), request.orderedAt()));
        return ResponseEntity.created(URI.create("/api/rectifications/" + rectificationId))
                .body(Map.of("rectificationId", rectificationId));
    }

    @PostMapping("/{rectificationId}/progress")
    ResponseEntity<Void> reportProgress(@PathVariable String rectificationId, @Valid @RequestBody ProgressRequest request,
                                        @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ReportRectificationProgress(rectificationId, request.note(), request.reportedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{rectificationId}/evidence")
    ResponseEntity<Void> submitEvidence(@PathVariable String rectificationId, @Valid @RequestBody EvidenceRequest request,
                                        @IfMatch Long expectedVersion) {
        commands.sendAndWait(new SubmitRectificationEvidence(rectificationId, request.submittedBy(), request.evidence(),
                request.submittedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{rectificationId}/verify")
    ResponseEntity<Void> verify(@PathVariable String rectificationId, @Valid @RequestBody VerifyRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new VerifyRectification(rectificationId, request.verifiedBy(),
                request.note() == null ? "" : request.note(), request.verifiedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{rectificationId}/reject-evidence")
    ResponseEntity<Void> rejectEvidence(@PathVariable String rectificationId, @Valid @RequestBody RejectRequest request,
                                        @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RejectRectificationEvidence(rectificationId, request.rejectedBy(), request.reason(),
                request.rejectedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    /** {@code COMPLAINT} with {@code complaintId}, or {@code FINDING} with {@code inspectionId} and {@code findingId}. */
    record SourceRequest(@NotNull RectificationSource.Kind kind,
                         @Size(max = 64) String complaintId,
                         @Size(max = 64) String inspectionId,
                         @Size(max = 64) String findingId) {
    }

    /** @param dueDate the last day, in the organisation's time zone, for example 2026-07-31 */
    record OrderRequest(@NotNull @Valid SourceRequest source,
                        @NotBlank @Size(max = 40) String departmentId,
                        @NotBlank @Size(max = 5000) String requiredAction,
                        @NotNull LocalDate dueDate,
                        @NotNull Instant orderedAt) {
    }

    record ProgressRequest(@NotBlank @Size(max = 5000) String note, @NotNull Instant reportedAt) {
    }

    /** @param submittedBy the employee number or user id of the person submitting */
    record EvidenceRequest(@NotBlank @Size(max = 64) String submittedBy,
                           @NotBlank @Size(max = 5000) String evidence,
                           @NotNull Instant submittedAt) {
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String verifiedBy,
                         @Size(max = 5000) String note,
                         @NotNull Instant verifiedAt) {
    }

    record RejectRequest(@NotBlank @Size(max = 64) String rejectedBy,
                         @NotBlank @Size(max = 5000) String reason,
                         @NotNull Instant rejectedAt) {
    }
}
