package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The department's names changed; the previous names are kept so an audit trail reads without replaying. */
@Revision("1")
public record DepartmentRenamed(String departmentId,
                                String nameZh,
                                String nameEn,
                                String previousNameZh,
                                String previousNameEn,
                                Instant renamedAt) {
}
