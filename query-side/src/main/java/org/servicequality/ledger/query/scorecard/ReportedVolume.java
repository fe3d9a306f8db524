package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Service contacts reported for a whole quarter or year, {@code _id} like {@code CARDIOLOGY:2026-Q3}.
 * Month figures live in {@link DepartmentMonth}; the command side keeps periods of different kinds apart.
 */
@ReadModelOf(DepartmentStatisticsProjection.PROCESSING_GROUP)
@Document("scorecard_reported_volumes")
class ReportedVolume extends ReadModelDocument {

    long serviceContacts;

    ReportedVolume() {
    }

    ReportedVolume(String id) {
        super(id);
    }
}
