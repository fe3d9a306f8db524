package org.servicequality.ledger.api.board;

/** Asks for one department's public page; answered with an empty result when no such department exists. */
public record FindDepartmentBoard(String departmentId) {
}
