package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ranking needs of a complaint. Later events (resolution, follow-up, withdrawal) do not repeat
 * whom the complaint names nor when it was received; those facts never change after filing and are
 * kept here so every later event can find the staff months it touches.
 */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("ranking_complaints")
class RankedComplaint extends ReadModelDocument {

    private List<String> employeeNumbers = new ArrayList<>();
    private String month;
    private ResolutionOutcome outcome;
    private boolean excluded;
    /** Keyed by the follow-up event's id, so a redelivered follow-up is the same entry. */
    private Map<String, Integer> followUps = new HashMap<>();

    RankedComplaint() {
    }

    RankedComplaint(String complaintId) {
        super(complaintId);
    }

    void filed(List<String> employeeNumbers, String month) {
        this.employeeNumbers = new ArrayList<>(employeeNumbers);
        this.month = month;
    }

    boolean isFiled() {
        return month != null;
    }

    void resolved(ResolutionOutcome outcome) {
        this.outcome = outcome;
    }

    /** A reopened case has no finding until it is resolved again. */
    void reopened() {
        this.outcome = null;
    }

    /** Withdrawn or marked invalid: final, and nothing about the case counts any more. */
    void exclude() {
        this.excluded = true;
    }

    void followedUp(String eventId, int score) {
        followUps.put(eventId, score);
    }

    /** What the case contributes to each staff month it names, or {@code null} when nothing counts. */
    StaffMonth.ComplaintEntry contribution() {
        boolean substantiated = outcome == ResolutionOutcome.SUBSTANTIATED || outcome == ResolutionOutcome.PARTLY_SUBSTANTIATED;
        if (excluded || !substantiated && followUps.isEmpty()) {
            return null;
        }
        return new StaffMonth.ComplaintEntry(substantiated ? outcome : null, followUps.values().stream().sorted().toList());
    }

    List<String> getEmployeeNumbers() {
        return employeeNumbers;
    }

    String getMonth() {
        return month;
    }
}
