package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The department was closed or merged away. Its history stays; it takes no new complaints,
 * commendations or staff, and its id is never reused.
 */
@Revision("1")
public record DepartmentRetired(String departmentId,
                                String reason,
                                Instant retiredAt) {
}
