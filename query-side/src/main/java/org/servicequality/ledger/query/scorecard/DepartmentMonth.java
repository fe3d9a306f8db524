package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One department's statistics for one month in the organisation's time zone, {@code _id} like
 * {@code CARDIOLOGY:2026-07}. Quarters and years are summed from their months at query time.
 */
@ReadModelOf(DepartmentStatisticsProjection.PROCESSING_GROUP)
@Document("scorecard_department_months")
class DepartmentMonth extends ReadModelDocument {

    String departmentId;
    String month;
    MonthFigures figures = new MonthFigures();
    /** The reported number of service contacts for the month, or {@code null} when none was reported. */
    Long serviceContacts;

    DepartmentMonth() {
    }

    DepartmentMonth(String departmentId, String month) {
        super(idOf(departmentId, month));
        this.departmentId = departmentId;
        this.month = month;
    }

    static String idOf(String departmentId, String month) {
        return departmentId + ":" + month;
    }
}
