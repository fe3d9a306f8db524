package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The evidence was accepted and the rectification is complete. {@code onTime} is whether verification
 * came no later than {@code dueAt}, the basis of the on-time share on scorecards.
 */
@Revision("1")
public record RectificationVerified(String rectificationId,
                                    String departmentId,
                                    String verifiedBy,
                                    String note,
                                    Instant verifiedAt,
                                    Instant dueAt,
                                    boolean onTime) {
}
