package org.servicequality.ledger.api.rectification;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.Instant;

/** The due date passed without verified evidence. The rectification stays open and may still be verified, late. */
@Revision("1")
public record RectificationOverdue(String rectificationId,
                                   String departmentId,
                                   LocalDate dueDate,
                                   Instant dueAt) {
}
