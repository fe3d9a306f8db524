package org.servicequality.ledger.api.staff;

/**
 * Staff members are keyed by their unified employee number (工号). Aggregate ids share one key space
 * with departments and cases, so the number is prefixed.
 */
public final class StaffMemberIds {

    public static final String PREFIX = "staff:";

    private StaffMemberIds() {
    }

    public static String of(String employeeNumber) {
        return PREFIX + employeeNumber;
    }
}
