package org.servicequality.ledger.api.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordStaffMemberLeaving(String employeeNumber,
                                       @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String staffMemberId() {
        return StaffMemberIds.of(employeeNumber);
    }
}
