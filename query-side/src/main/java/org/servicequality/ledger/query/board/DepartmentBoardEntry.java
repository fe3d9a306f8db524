package org.servicequality.ledger.query.board;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.HashMap;
import java.util.Map;

/** One department's line on the public board, precomputed so the board is read by {@code _id} only. */
@Document("board_departments")
class DepartmentBoardEntry extends ReadModelDocument {

    private String nameZh;
    private String nameEn;
    private String kind;
    private Counts total = new Counts();
    /** Keyed by month, {@code yyyy-MM} in the organisation's time zone. */
    private Map<String, Counts> months = new HashMap<>();

    DepartmentBoardEntry() {
    }

    DepartmentBoardEntry(String departmentId) {
        super(departmentId);
    }

    void describe(String nameZh, String nameEn, String kind) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
    }

    void countFiled(String month) {
        total.filed++;
        months.computeIfAbsent(month, m -> new Counts()).filed++;
    }

    void countReplied(String month) {
        total.replied++;
        months.computeIfAbsent(month, m -> new Counts()).replied++;
    }

    void countResolved(String month) {
        total.resolved++;
        months.computeIfAbsent(month, m -> new Counts()).resolved++;
    }

    String getNameZh() {
        return nameZh;
    }

    String getNameEn() {
        return nameEn;
    }

    String getKind() {
        return kind;
    }

    Counts getTotal() {
        return total;
    }

    Counts month(String month) {
        return months.getOrDefault(month, new Counts());
    }

    /** Complaints and suggestions filed, replied to and resolved. */
    static class Counts {
        long filed;
        long replied;
        long resolved;
    }
}
