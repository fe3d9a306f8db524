package org.servicequality.ledger.api.board;

import java.util.List;

/**
 * The public disclosure board. Holds no personal data of complainants, by construction: none of
 * its fields can carry it.
 *
 * @param period      the current month in the organisation's time zone, as {@code yyyy-MM}
 * @param departments every registered department, ordered by id
 */
public record PublicBoard(String period, List<DepartmentRow> departments) {

    public record DepartmentRow(String departmentId,
                                String nameZh,
                                String nameEn,
                                String kind,
                                CaseCounts thisMonth,
                                CaseCounts total) {
    }

    /** Complaints and suggestions filed, replied to and resolved. */
    public record CaseCounts(long filed, long replied, long resolved) {
    }
}
