package org.servicequality.ledger.command.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.RegisterDepartment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping("/api/departments")
class DepartmentController {

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

    /**
     * Department ids are chosen by the organisation (for example {@code CARDIOLOGY} or {@code BR-0101}); they
     * appear in URLs, so they are restricted to letters, digits, dash and underscore.
     */
    record RegisterDepartmentRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "must contain only letters, digits, '-' and '_', starting with a letter or digit")
            String departmentId,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull DepartmentKind kind) {
    }
}
