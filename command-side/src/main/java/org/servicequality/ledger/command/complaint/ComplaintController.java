package org.servicequality.ledger.command.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.EraseComplainantPersonalData;
import org.servicequality.ledger.api.complaint.EscalateComplaint;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.api.complaint.ForwardComplaint;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.complaint.MarkComplaintInvalid;
import org.servicequality.ledger.api.complaint.RecordSatisfactionFollowUp;
import org.servicequality.ledger.api.complaint.ReopenComplaint;
import org.servicequality.ledger.api.complaint.ReplyToComplaint;
import org.servicequality.ledger.api.complaint.RequestComplaintAssistance;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.ResolveComplaint;
import org.servicequality.ledger.api.complaint.TriageComplaint;
import org.servicequality.ledger.api.complaint.WithdrawComplaint;
import org.servicequality.ledger.api.personaldata.EncryptedContact;
import org.servicequality.ledger.command.personaldata.ContactDetails;
import org.servicequality.ledger.command.personaldata.PersonalDataProtector;
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
@RequestMapping("/api/complaints")
class ComplaintController {

    private final CommandGateway commands;
    private final PersonalDataProtector personalData;

    ComplaintController(CommandGateway commands, PersonalDataProtector personalData) {
        this.commands = commands;
        this.personalData = personalData;
    }

    /**
     * The contact is encrypted here, before any command exists, so neither the command bus nor the event
     * store ever sees it in plain text. If filing is then refused, the new key stays behind unused: it
     * protects nothing readable and costs one row.
     */
    @Operation(summary = "File a complaint or suggestion", description = "Answers 201 with the new `complaintId` and a "
            + "Location header. The reply is due within `ledger.complaints.reply-within-working-days` working days of the "
            + "organisation's calendar after the day of receipt.")
    @PostMapping
    ResponseEntity<Map<String, String>> file(@Valid @RequestBody FileComplaintRequest request) {
        String complaintId = UUID.randomUUID().toString();
        EncryptedContact contact = request.complainantContact() == null ? null
                : personalData.encrypt(request.complainantContact().toDetails());
        commands.sendAndWait(new FileComplaint(complaintId, request.channel(), request.kind(), request.category(),
                request.departmentId(), request.employeeNumbers() == null ? List.of() : request.employeeNumbers(),
                request.summary(), request.details() == null ? "" : request.details(), request.receivedAt(), contact));
        return ResponseEntity.created(URI.create("/api/complaints/" + complaintId))
                .body(Map.of("complaintId", complaintId));
    }

    @PostMapping("/{complaintId}/triage")
    ResponseEntity<Void> triage(@PathVariable String complaintId, @Valid @RequestBody TriageRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new TriageComplaint(complaintId, request.category(), request.severity(),
                request.handlingDepartmentId(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/assistance-requests")
    ResponseEntity<Void> requestAssistance(@PathVariable String complaintId, @Valid @RequestBody AssistanceRequest request,
                                           @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RequestComplaintAssistance(complaintId, request.assistingDepartmentId(), request.request(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/forward")
    ResponseEntity<Void> forward(@PathVariable String complaintId, @Valid @RequestBody ForwardRequest request,
                                 @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ForwardComplaint(complaintId, request.toDepartmentId(), request.reason(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/escalate")
    ResponseEntity<Void> escalate(@PathVariable String complaintId, @Valid @RequestBody ReasonRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new EscalateComplaint(complaintId, request.reason(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/reply")
    ResponseEntity<Void> reply(@PathVariable String complaintId, @Valid @RequestBody ReplyRequest request,
                               @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ReplyToComplaint(complaintId, request.text(), request.repliedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/resolve")
    ResponseEntity<Void> resolve(@PathVariable String complaintId, @Valid @RequestBody ResolveRequest request,
                                 @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ResolveComplaint(complaintId, request.outcome(), request.rectificationRequired(),
                request.resolvedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/satisfaction-follow-up")
    ResponseEntity<Void> followUp(@PathVariable String complaintId, @Valid @RequestBody FollowUpRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RecordSatisfactionFollowUp(complaintId, request.score(),
                request.comment() == null ? "" : request.comment(), request.followedUpAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/reopen")
    ResponseEntity<Void> reopen(@PathVariable String complaintId, @Valid @RequestBody ReasonRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ReopenComplaint(complaintId, request.reason(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable String complaintId, @Valid @RequestBody ReasonRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new WithdrawComplaint(complaintId, request.reason(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/mark-invalid")
    ResponseEntity<Void> markInvalid(@PathVariable String complaintId, @Valid @RequestBody MarkInvalidRequest request,
                                     @IfMatch Long expectedVersion) {
        commands.sendAndWait(new MarkComplaintInvalid(complaintId, request.reasonCode(), request.note(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{complaintId}/erase-personal-data")
    ResponseEntity<Void> erasePersonalData(@PathVariable String complaintId, @Valid @RequestBody ErasureRequest request,
                                           @IfMatch Long expectedVersion) {
        commands.sendAndWait(new EraseComplainantPersonalData(complaintId, request.requestedBy(), request.reason(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "A complaint or suggestion as received. The contact is encrypted before anything is stored; "
            + "leave it out for an anonymous complaint.", example = """
            {"channel":"HOTLINE","kind":"COMPLAINT","category":"SERVICE_ATTITUDE","departmentId":"CARDIOLOGY",
             "employeeNumbers":["E1001"],"summary":"Rude at the registration counter",
             "details":"Told to wait outside without explanation","receivedAt":"2026-11-20T01:30:00Z",
             "complainantContact":{"phone":"+86 138 0000 0000"}}""")
    record FileComplaintRequest(
            @NotNull Channel channel,
            @NotNull FeedbackKind kind,
            @NotNull Category category,
            @NotBlank @Size(max = 40) String departmentId,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @NotBlank @Size(max = 200) String summary,
            @Size(max = 5000) String details,
            @NotNull Instant receivedAt,
            @Valid ContactRequest complainantContact) {
    }

    /** Every part is optional, but a contact that is given must say something. */
    record ContactRequest(
            @Size(max = 100) String name,
            @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "must contain only digits, spaces, '+', '-', '(' and ')'") String phone,
            @Size(max = 254) @Email String email,
            @Size(max = 1000) String freeText) {

        ContactDetails toDetails() {
            if (isBlank(name) && isBlank(phone) && isBlank(email) && isBlank(freeText)) {
                throw CommandRejectedException.invalid("complaint.contact-empty", "complainantContact",
                        "A complainant contact needs at least one of name, phone, email or freeText; leave it out for an anonymous complaint.");
            }
            return new ContactDetails(name, phone, email, freeText);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    record TriageRequest(@NotNull Category category, @NotNull Severity severity,
                         @NotBlank @Size(max = 40) String handlingDepartmentId) {
    }

    record AssistanceRequest(@NotBlank @Size(max = 40) String assistingDepartmentId,
                             @NotBlank @Size(max = 5000) String request) {
    }

    record ForwardRequest(@NotBlank @Size(max = 40) String toDepartmentId, @NotBlank @Size(max = 5000) String reason) {
    }

    record ReasonRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    record ReplyRequest(@NotBlank @Size(max = 5000) String text, @NotNull Instant repliedAt) {
    }

    record ResolveRequest(@NotNull ResolutionOutcome outcome, @NotNull Boolean rectificationRequired,
                          @NotNull Instant resolvedAt) {
    }

    record FollowUpRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 5000) String comment,
                           @NotNull Instant followedUpAt) {
    }

    record MarkInvalidRequest(@NotNull InvalidComplaintReason reasonCode, @NotBlank @Size(max = 5000) String note) {
    }

    record ErasureRequest(@NotBlank @Size(max = 200) String requestedBy, @NotBlank @Size(max = 5000) String reason) {
    }
}
