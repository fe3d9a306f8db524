package org.servicequality.ledger.command.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.staff.EnrolStaffMember;
import org.servicequality.ledger.api.staff.RecordStaffMemberLeaving;
import org.servicequality.ledger.api.staff.StaffMemberIds;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.api.staff.TransferStaffMember;
import org.servicequality.ledger.command.http.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping("/api/staff")
class StaffController {

    /** The same form complaints and commendations accept when they name staff. */
    static final String EMPLOYEE_NUMBER_PATTERN = "[A-Za-z0-9_-]{1,32}";
    private static final java.util.regex.Pattern EMPLOYEE_NUMBER = java.util.regex.Pattern.compile(EMPLOYEE_NUMBER_PATTERN);

    private final CommandGateway commands;

    StaffController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> enrol(@Valid @RequestBody EnrolRequest request) {
        commands.sendAndWait(new EnrolStaffMember(request.employeeNumber(), request.departmentId(), request.role(),
                request.displayName()));
        return ResponseEntity.created(URI.create("/api/staff/" + request.employeeNumber()))
                .body(Map.of("staffMemberId", StaffMemberIds.of(request.employeeNumber()),
                        "employeeNumber", request.employeeNumber()));
    }

    @PostMapping("/{employeeNumber}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String employeeNumber, @Valid @RequestBody TransferRequest request,
                                  @IfMatch Long expectedVersion) {
        commands.sendAndWait(new TransferStaffMember(known(employeeNumber), request.departmentId(), request.role(),
                expectedVersion));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{employeeNumber}/leave")
    ResponseEntity<Void> leave(@PathVariable String employeeNumber,
                               @IfMatch Long expectedVersion) {
        commands.sendAndWait(new RecordStaffMemberLeaving(known(employeeNumber), expectedVersion));
        return ResponseEntity.noContent().build();
    }

    private static String known(String employeeNumber) {
        if (!EMPLOYEE_NUMBER.matcher(employeeNumber).matches()) {
            throw CommandRejectedException.notFound("staff.unknown", "employeeNumber",
                    "No staff member is enrolled with employee number '" + employeeNumber + "'.");
        }
        return employeeNumber;
    }

    record EnrolRequest(
            @NotBlank @Pattern(regexp = EMPLOYEE_NUMBER_PATTERN, message = "must be an employee number of 1 to 32 letters, digits, '-' or '_'")
            String employeeNumber,
            @NotBlank @Size(max = 40) String departmentId,
            @NotNull StaffRole role,
            @NotBlank @Size(max = 100) String displayName) {
    }

    /** @param role the role in the new department; omit it to keep the current role */
    record TransferRequest(@NotBlank @Size(max = 40) String departmentId, StaffRole role) {
    }
}
