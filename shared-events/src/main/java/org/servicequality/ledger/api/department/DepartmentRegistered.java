package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DepartmentRegistered(String departmentId,
                                   String nameZh,
                                   String nameEn,
                                   DepartmentKind kind) {
}
