package org.servicequality.ledger.api.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnrolStaffMember(String employeeNumber,
                               String departmentId,
                               StaffRole role,
                               String displayName) {

    @TargetAggregateIdentifier
    public String staffMemberId() {
        return StaffMemberIds.of(employeeNumber);
    }
}
