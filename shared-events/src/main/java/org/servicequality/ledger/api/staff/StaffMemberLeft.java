package org.servicequality.ledger.api.staff;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member of staff left the organisation; their history stays attributed to them. */
@Revision("1")
public record StaffMemberLeft(String employeeNumber,
                              String departmentId,
                              Instant leftAt) {
}
