package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/** A registered department with its current names: which scorecards exist. */
@ReadModelOf(DepartmentStatisticsProjection.PROCESSING_GROUP)
@Document("scorecard_departments")
class ScorecardDepartment extends ReadModelDocument {

    String nameZh;
    String nameEn;

    ScorecardDepartment() {
    }

    ScorecardDepartment(String departmentId) {
        super(departmentId);
    }
}
