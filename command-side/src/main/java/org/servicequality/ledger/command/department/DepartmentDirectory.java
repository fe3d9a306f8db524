package org.servicequality.ledger.command.department;

/**
 * Answers, for other features' command handlers, whether a department exists and whether it still
 * takes new work. It is the one way across the aggregate boundary, so a complaint can refuse to be
 * filed against a department that was never registered or has been retired.
 *
 * <p>Two questions, because callers answer them differently: an id that was never registered is
 * unknown (404), while a retired department is known but closed (409 {@code department.retired}).
 */
public interface DepartmentDirectory {

    /**
     * @return whether a department was ever registered under this id, retired or not; ids are never
     * reused, so this stays true after retirement
     */
    boolean isRegistered(String departmentId);

    /**
     * @return whether the department was registered and has since been retired. The default suits
     * directories that know nothing of retirement (test doubles written as lambdas).
     */
    default boolean isRetired(String departmentId) {
        return false;
    }

    /** @return whether new cases, commendations and staff may be recorded against the department */
    default boolean acceptsNewCases(String departmentId) {
        return isRegistered(departmentId) && !isRetired(departmentId);
    }
}
