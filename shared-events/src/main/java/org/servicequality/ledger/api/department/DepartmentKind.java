package org.servicequality.ledger.api.department;

/** What kind of service a department gives; every kind of department counts on the board. */
public enum DepartmentKind {
    CLINICAL,
    MEDICAL_TECHNICAL,
    ADMINISTRATIVE,
    LOGISTICS,
    SUPPORT,
    SERVICE_WINDOW,
    OUTLET
}
