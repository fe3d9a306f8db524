package org.servicequality.ledger.query.board;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff as the board may show them in a negative item: by role, never by name. The
 * display name of {@code StaffMemberEnrolled} is deliberately not kept.
 */
@ReadModelOf(BoardProjection.PROCESSING_GROUP)
@Document("board_staff")
class BoardStaffMember extends ReadModelDocument {

    String role;

    BoardStaffMember() {
    }

    BoardStaffMember(String employeeNumber) {
        super(employeeNumber);
    }
}
