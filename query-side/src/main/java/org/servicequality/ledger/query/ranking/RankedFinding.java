package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** An inspection finding naming staff, kept because an overturn does not repeat whom it named. */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("ranking_findings")
class RankedFinding extends ReadModelDocument {

    private List<String> employeeNumbers = new ArrayList<>();
    private String month;
    private boolean positive;
    private Severity severity;
    private boolean overturned;

    RankedFinding() {
    }

    RankedFinding(String findingId) {
        super(findingId);
    }

    void recorded(List<String> employeeNumbers, String month, boolean positive, Severity severity) {
        this.employeeNumbers = new ArrayList<>(employeeNumbers);
        this.month = month;
        this.positive = positive;
        this.severity = severity;
    }

    boolean isRecorded() {
        return month != null;
    }

    void overturned() {
        this.overturned = true;
    }

    /** Recorded findings count (appealed or not) until overturned. */
    StaffMonth.FindingEntry contribution() {
        return overturned ? null : new StaffMonth.FindingEntry(positive, severity);
    }

    List<String> getEmployeeNumbers() {
        return employeeNumbers;
    }

    String getMonth() {
        return month;
    }
}
