package org.servicequality.ledger.command.department;

/**
 * Answers, for other features' command handlers, whether a department exists. It is the one way
 * across the aggregate boundary, so a complaint can refuse to be filed against a department that
 * was never registered.
 */
public interface DepartmentDirectory {

    boolean isRegistered(String departmentId);
}
