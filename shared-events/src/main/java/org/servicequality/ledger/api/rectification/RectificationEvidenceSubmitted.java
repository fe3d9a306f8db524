package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Evidence that the action was taken; it awaits verification by someone other than {@code submittedBy}. */
@Revision("1")
public record RectificationEvidenceSubmitted(String rectificationId,
                                             String departmentId,
                                             String submittedBy,
                                             String evidence,
                                             Instant submittedAt) {
}
