package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The department reported what it has done so far; the rectification is in progress. */
@Revision("1")
public record RectificationProgressReported(String rectificationId,
                                            String departmentId,
                                            String note,
                                            Instant reportedAt) {
}
