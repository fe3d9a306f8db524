package org.servicequality.ledger.api.rectification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** @param dueDate the last day of the rectification, a calendar date in the organisation's time zone */
public record OrderRectification(@TargetAggregateIdentifier String rectificationId,
                                 RectificationSource source,
                                 String departmentId,
                                 String requiredAction,
                                 LocalDate dueDate,
                                 Instant orderedAt) {
}
