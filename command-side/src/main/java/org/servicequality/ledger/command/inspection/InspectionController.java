package org.servicequality.ledger.command.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.inspection.AppealFinding;
import org.servicequality.ledger.api.inspection.CirculateInspectionResults;
import org.servicequality.ledger.api.inspection.ConductInspection;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.inspection.OverturnFinding;
import org.servicequality.ledger.api.inspection.RecordFinding;
import org.servicequality.ledger.api.inspection.UpholdFinding;
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
@RequestMapping("/api/inspections")
class InspectionController {

    private final CommandGateway commands;

    InspectionController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> conduct(@Valid @RequestBody ConductInspectionRequest request) {
        String inspectionId = UUID.randomUUID().toString();
        commands.sendAndWait(new ConductInspection(inspectionId, request.method(), request.departmentId(),
                request.inspector(), request.conductedAt()));
        return ResponseEntity.created(URI.create("/api/inspections/" + inspectionId))
                .body(Map.of("inspectionId", inspectionId));
    }

    @PostMapping("/{inspectionId}/findings")
    ResponseEntity<Map<String, String>> recordFinding(@PathVariable String inspectionId,
                                                      @Valid @RequestBody RecordFindingRequest request,
                                                      @IfMatch Long expectedVersion) {
        String findingId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordFinding(inspectionId, findingId, request.standardClause(), request.severity(),
                request.pointsDeducted(), Boolean.TRUE.equals(request.positive()),
                request.employeeNumbers() == null ? List.of() : request.employeeNumbers(),
                request.description() == null ? "" : request.description(), expectedVersion));
        return ResponseEntity.created(URI.create("/api/inspections/" + inspectionId + "/findings/" + findingId))
                .body(Map.of("findingId", findingId));
    }

    @PostMapping("/{inspectionId}/circulate")
    ResponseEntity<Void> circulate(@PathVariable String inspectionId, @Valid @RequestBody CirculateRequest request,
                                   @IfMatch Long expectedVersion) {
        commands.sendAndWait(new CirculateInspectionResults(inspectionId, request.circulatedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{inspectionId}/findings/{findingId}/appeal")
    ResponseEntity<Void> appeal(@PathVariable String inspectionId, @PathVariable String findingId,
                                @Valid @RequestBody AppealRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new AppealFinding(inspectionId, findingId, request.reply(), request.appealedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{inspectionId}/findings/{findingId}/uphold")
    ResponseEntity<Void> uphold(@PathVariable String inspectionId, @PathVariable String findingId,
                                @Valid @RequestBody DecisionRequest request,
                                @IfMatch Long expectedVersion) {
        commands.sendAndWait(new UpholdFinding(inspectionId, findingId, request.reason(), request.decidedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{inspectionId}/findings/{findingId}/overturn")
    ResponseEntity<Void> overturn(@PathVariable String inspectionId, @PathVariable String findingId,
                                  @Valid @RequestBody DecisionRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new OverturnFinding(inspectionId, findingId, request.reason(), request.decidedAt(), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    record ConductInspectionRequest(
            @NotNull InspectionMethod method,
            @NotBlank @Size(max = 40) String departmentId,
            @NotBlank @Size(max = 200) String inspector,
            @NotNull Instant conductedAt) {
    }

    /** {@code severity} is required for a shortcoming and must be left out for a positive finding. */
    record RecordFindingRequest(
            @NotBlank @Size(max = 200) String standardClause,
            Severity severity,
            @Min(0) @Max(1000) int pointsDeducted,
            Boolean positive,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'") String> employeeNumbers,
            @Size(max = 5000) String description) {
    }

    record CirculateRequest(@NotNull Instant circulatedAt) {
    }

    record AppealRequest(@NotBlank @Size(max = 5000) String reply, @NotNull Instant appealedAt) {
    }

    record DecisionRequest(@NotBlank @Size(max = 5000) String reason, @NotNull Instant decidedAt) {
    }
}
