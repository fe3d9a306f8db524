package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one inspection finding contributed to its department's month; kept because an overturned
 * finding must be taken out by its severity, which the overturn does not repeat.
 */
@ReadModelOf(DepartmentStatisticsProjection.PROCESSING_GROUP)
@Document("scorecard_findings")
class FindingCase extends ReadModelDocument {

    String departmentId;
    String month;
    String severity;
    int points;
    boolean positive;
    String overturnEventId;

    FindingCase() {
    }

    FindingCase(String id) {
        super(id);
    }

    static String idOf(String inspectionId, String findingId) {
        return inspectionId + "/" + findingId;
    }
}
