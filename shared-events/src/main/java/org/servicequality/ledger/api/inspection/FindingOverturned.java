package org.servicequality.ledger.api.inspection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The appeal succeeded: the finding no longer counts and its {@code pointsDeducted} are given back.
 * The finding stays in the history.
 */
@Revision("1")
public record FindingOverturned(String inspectionId,
                                String findingId,
                                String departmentId,
                                int pointsDeducted,
                                Instant inspectedAt,
                                String reason,
                                Instant decidedAt) {
}
