package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What counts for one staff member in one month, item by item (keyed by commendation, complaint and
 * finding id), so that every change is a put or a remove and applying an event twice changes nothing.
 * Quarters and years are sums of these months. The map keys are complaint and finding ids, UUIDs the
 * command API issues: MongoDB keys cannot hold a dot, and these never do.
 */
@ReadModelOf(RankingProjection.PROCESSING_GROUP)
@Document("ranking_staff_months")
class StaffMonth extends ReadModelDocument {

    private Set<String> commendations = new LinkedHashSet<>();
    private Map<String, ComplaintEntry> complaints = new HashMap<>();
    private Map<String, FindingEntry> findings = new HashMap<>();

    StaffMonth() {
    }

    StaffMonth(String id) {
        super(id);
    }

    static String id(String employeeNumber, String month) {
        return month + "|" + employeeNumber;
    }

    void commended(String commendationId) {
        commendations.add(commendationId);
    }

    void complaint(String complaintId, ComplaintEntry entry) {
        if (entry == null) {
            complaints.remove(complaintId);
        } else {
            complaints.put(complaintId, entry);
        }
    }

    void finding(String findingId, FindingEntry entry) {
        if (entry == null) {
            findings.remove(findingId);
        } else {
            findings.put(findingId, entry);
        }
    }

    Set<String> getCommendations() {
        return commendations;
    }

    Map<String, ComplaintEntry> getComplaints() {
        return complaints;
    }

    Map<String, FindingEntry> getFindings() {
        return findings;
    }

    /** A counted complaint: its current outcome ({@code null} while unresolved) and its follow-up scores. */
    static class ComplaintEntry {
        ResolutionOutcome outcome;
        List<Integer> followUpScores = new ArrayList<>();

        ComplaintEntry() {
        }

        ComplaintEntry(ResolutionOutcome outcome, List<Integer> followUpScores) {
            this.outcome = outcome;
            this.followUpScores = new ArrayList<>(followUpScores);
        }
    }

    /** A finding that stands: positive, or against the person with its severity. */
    static class FindingEntry {
        boolean positive;
        Severity severity;

        FindingEntry() {
        }

        FindingEntry(boolean positive, Severity severity) {
            this.positive = positive;
            this.severity = severity;
        }
    }
}
