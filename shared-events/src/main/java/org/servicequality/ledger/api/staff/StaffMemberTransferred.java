package org.servicequality.ledger.api.staff;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member of staff moved; {@code role} is the role held from now on (possibly unchanged). */
@Revision("1")
public record StaffMemberTransferred(String employeeNumber,
                                     String fromDepartmentId,
                                     String toDepartmentId,
                                     StaffRole role,
                                     Instant transferredAt) {
}
