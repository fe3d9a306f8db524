package org.servicequality.ledger.command.staff;

/**
 * Answers, for command handlers, whether an employee number is already enrolled. Public because
 * other features (for example Service Star nominations) may need to know who is staff.
 */
public interface StaffDirectory {

    /** @return whether the employee number was ever enrolled, including staff who have since left */
    boolean isEnrolled(String employeeNumber);
}
