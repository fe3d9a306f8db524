package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A corrective action was ordered. {@code dueAt} is the end of {@code dueDate} in the organisation's time
 * zone when it was ordered (the instant the overdue deadline fires), recorded so that every reader agrees.
 */
@Revision("1")
public record RectificationOrdered(String rectificationId,
                                   RectificationSource source,
                                   String departmentId,
                                   String requiredAction,
                                   LocalDate dueDate,
                                   Instant dueAt,
                                   Instant orderedAt) {
}
