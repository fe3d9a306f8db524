package org.servicequality.ledger.api.board;

/** Asks for one department's public page ({@link PublicBoard.DepartmentPage}); empty when no such department exists. */
public record FindDepartmentBoard(String departmentId) {
}
