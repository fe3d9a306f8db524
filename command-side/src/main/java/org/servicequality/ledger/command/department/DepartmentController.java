package org.servicequality.ledger.command.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.PublishServiceCommitment;
import org.servicequality.ledger.api.department.PublishServicePhraseStandard;
import org.servicequality.ledger.api.department.RegisterDepartment;
import org.servicequality.ledger.api.department.RenameDepartment;
import org.servicequality.ledger.api.department.ReportServiceVolume;
import org.servicequality.ledger.api.department.RetireDepartment;
import org.servicequality.ledger.api.department.WithdrawServiceCommitment;
import org.servicequality.ledger.command.http.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    static final String DEPARTMENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]*";
    private static final java.util.regex.Pattern DEPARTMENT_ID = java.util.regex.Pattern.compile(DEPARTMENT_ID_PATTERN);

    private final CommandGateway commands;

    DepartmentController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterDepartmentRequest request) {
        commands.sendAndWait(new RegisterDepartment(request.departmentId(), request.nameZh(), request.nameEn(), request.kind()));
        return ResponseEntity.created(URI.create("/api/board/departments/" + request.departmentId()))
                .body(Map.of("departmentId", request.departmentId()));
    }

    @PostMapping("/{departmentId}/rename")
    ResponseEntity<Void> rename(@PathVariable String departmentId, @Valid @RequestBody RenameRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RenameDepartment(known(departmentId), request.nameZh(), request.nameEn(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{departmentId}/retire")
    ResponseEntity<Void> retire(@PathVariable String departmentId, @Valid @RequestBody RetireRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RetireDepartment(known(departmentId), request.reason(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{departmentId}/commitments")
    ResponseEntity<Map<String, String>> publishCommitment(@PathVariable String departmentId,
                                                          @Valid @RequestBody CommitmentRequest request,
                                                          @IfMatch Long expectedVersion) {
        String commitmentId = UUID.randomUUID().toString();
        commands.sendAndWait(new PublishServiceCommitment(known(departmentId), commitmentId, request.textZh(), request.textEn(),
                expectedVersion));
        return ResponseEntity.created(URI.create("/api/departments/" + departmentId + "/commitments/" + commitmentId))
                .body(Map.of("commitmentId", commitmentId));
    }

    @PostMapping("/{departmentId}/commitments/{commitmentId}/withdraw")
    ResponseEntity<Void> withdrawCommitment(@PathVariable String departmentId, @PathVariable String commitmentId,
                                            @IfMatch Long expectedVersion) {
        commands.sendAndWait(new WithdrawServiceCommitment(known(departmentId), commitmentId, expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{departmentId}/phrase-standard")
    ResponseEntity<Void> publishPhraseStandard(@PathVariable String departmentId, @Valid @RequestBody PhraseStandardRequest request,
                                               @IfMatch Long expectedVersion) {
        commands.sendAndWait(new PublishServicePhraseStandard(known(departmentId),
                request.courteousPhrases() == null ? List.of() : request.courteousPhrases(),
                request.forbiddenPhrases() == null ? List.of() : request.forbiddenPhrases(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{departmentId}/service-volume")
    ResponseEntity<Void> reportServiceVolume(@PathVariable String departmentId, @Valid @RequestBody ServiceVolumeRequest request,
                                             @IfMatch Long expectedVersion) {
        commands.sendAndWait(new ReportServiceVolume(known(departmentId), period(request.period()),
                request.serviceContacts(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException notAPeriod) {
            throw CommandRejectedException.invalid("period.malformed", "period", notAPeriod.getMessage());
        }
    }

    /**
     * Aggregate ids share one key space; an id no department could have (for example {@code staff:E1})
     * must not load another aggregate's stream as a department.
     */
    private static String known(String departmentId) {
        if (!DEPARTMENT_ID.matcher(departmentId).matches() || departmentId.length() > 40) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + departmentId + "'.");
        }
        return departmentId;
    }

    /**
     * Department ids are chosen by the organisation (for example {@code CARDIOLOGY} or {@code BR-0101}); they
     * appear in URLs, so they are restricted to letters, digits, dash and underscore.
     */
    record RegisterDepartmentRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = DEPARTMENT_ID_PATTERN, message = "must contain only letters, digits, '-' and '_', starting with a letter or digit")
            String departmentId,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull DepartmentKind kind) {
    }

    record RenameRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn) {
    }

    record RetireRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    /** A commitment is a public promise shown on the board: one or two sentences in each language. */
    record CommitmentRequest(@NotBlank @Size(max = 1000) String textZh, @NotBlank @Size(max = 1000) String textEn) {
    }

    record PhraseStandardRequest(
            @Size(max = Department.MAX_PHRASES_PER_LIST) List<@NotBlank @Size(max = Department.MAX_PHRASE_LENGTH) String> courteousPhrases,
            @Size(max = Department.MAX_PHRASES_PER_LIST) List<@NotBlank @Size(max = Department.MAX_PHRASE_LENGTH) String> forbiddenPhrases) {
    }

    record ServiceVolumeRequest(
            @NotBlank @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?", message = "must be a period: yyyy, yyyy-MM or yyyy-Qn, for example 2026, 2026-07 or 2026-Q3")
            String period,
            @NotNull @PositiveOrZero Long serviceContacts) {
    }
}
