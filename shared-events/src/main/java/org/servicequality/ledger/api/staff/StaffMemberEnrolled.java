package org.servicequality.ledger.api.staff;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A member of staff joined the ledger; the aggregate id is {@code staff:<employeeNumber>}. */
@Revision("1")
public record StaffMemberEnrolled(String employeeNumber,
                                  String departmentId,
                                  StaffRole role,
                                  String displayName,
                                  Instant enrolledAt) {
}
