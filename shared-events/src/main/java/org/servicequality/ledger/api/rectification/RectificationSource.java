package org.servicequality.ledger.api.rectification;

/**
 * What a rectification corrects: a complaint ({@code complaintId}) or one finding of an inspection
 * ({@code inspectionId} and {@code findingId}). The ids that do not apply to the kind are {@code null}.
 */
public record RectificationSource(Kind kind, String complaintId, String inspectionId, String findingId) {

    public enum Kind { COMPLAINT, FINDING }

    public static RectificationSource complaint(String complaintId) {
        return new RectificationSource(Kind.COMPLAINT, complaintId, null, null);
    }

    public static RectificationSource finding(String inspectionId, String findingId) {
        return new RectificationSource(Kind.FINDING, null, inspectionId, findingId);
    }
}
