package org.servicequality.ledger.api.staff;

/** What a member of staff does. Every kind of staff counts on the board and in Service Star rounds. */
public enum StaffRole {
    CLINICAL,
    NURSING,
    MEDICAL_TECHNICAL,
    ADMINISTRATIVE,
    LOGISTICS,
    CLEANING,
    SECURITY,
    CATERING,
    LIFT_ATTENDANT,
    SERVICE_WINDOW,
    OTHER
}
