package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The inspected department contested a circulated finding (申诉). */
@Revision("1")
public record FindingAppealed(String inspectionId,
                              String findingId,
                              String departmentId,
                              String reply,
                              Instant appealedAt) {
}
