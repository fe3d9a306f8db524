package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The evidence did not show the action was taken; the rectification is back in progress. */
@Revision("1")
public record RectificationEvidenceRejected(String rectificationId,
                                            String departmentId,
                                            String rejectedBy,
                                            String reason,
                                            Instant rejectedAt) {
}
