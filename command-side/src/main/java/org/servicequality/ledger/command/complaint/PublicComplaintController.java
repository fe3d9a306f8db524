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
import org.servicequality.ledger.api.personaldata.EncryptedContact;
import org.servicequality.ledger.command.RecordedTime;
import org.servicequality.ledger.command.personaldata.PersonalDataProtector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public intake: anyone may file a complaint or suggestion from the web, without a login. It is its own
 * endpoint rather than an anonymous exception on {@code POST /api/complaints} so that the public cannot choose
 * the channel or back-date the receipt: the channel is {@link Channel#WEB} and the time is the server's.
 */
@RestController
class PublicComplaintController {

    private final CommandGateway commands;
    private final PersonalDataProtector personalData;

    PublicComplaintController(CommandGateway commands, PersonalDataProtector personalData) {
        this.commands = commands;
        this.personalData = personalData;
    }

    @PostMapping("/api/public/complaints")
    ResponseEntity<Map<String, String>> file(@Valid @RequestBody PublicComplaintRequest request) {
        String complaintId = UUID.randomUUID().toString();
        EncryptedContact contact = request.complainantContact() == null ? null
                : personalData.encrypt(request.complainantContact().toDetails());
        commands.sendAndWait(new FileComplaint(complaintId, Channel.WEB, request.kind(), request.category(),
                request.departmentId(), request.employeeNumbers() == null ? List.of() : request.employeeNumbers(),
                request.summary(), request.details() == null ? "" : request.details(), RecordedTime.now(), contact));
        return ResponseEntity.created(URI.create("/api/complaints/" + complaintId))
                .body(Map.of("complaintId", complaintId));
    }

    record PublicComplaintRequest(
            @NotNull FeedbackKind kind,
            @NotNull Category category,
            @NotBlank @Size(max = 40) String departmentId,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @NotBlank @Size(max = 200) String summary,
            @Size(max = 5000) String details,
            @Valid ComplaintController.ContactRequest complainantContact) {
    }
}
