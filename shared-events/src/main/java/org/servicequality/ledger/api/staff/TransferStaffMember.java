package org.servicequality.ledger.api.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param role the role in the new department, or {@code null} to keep the current one */
public record TransferStaffMember(String employeeNumber,
                                  String toDepartmentId,
                                  StaffRole role,
                                  @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String staffMemberId() {
        return StaffMemberIds.of(employeeNumber);
    }
}
