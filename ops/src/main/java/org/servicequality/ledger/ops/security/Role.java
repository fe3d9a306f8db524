package org.servicequality.ledger.ops.security;

/**
 * The logged-in roles (README, "Who may do what"). The public needs none: anonymous requests may read the board and
 * use the public intake only.
 */
public enum Role {
    /** Records items received by phone, letter or in person; no triage. */
    CLERK,
    /** Bound to departments: replies, rectification progress and evidence, appeals against findings, for those only. */
    HANDLER,
    /** Triage and routing, inspections and findings, rectification orders and verification, ratings, Service Stars. */
    QUALITY_OFFICE,
    /** Reads everything including histories, verification and exports; writes nothing. */
    AUDITOR,
    /** Departments, staff, backups and checkpoints; no case handling. */
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
