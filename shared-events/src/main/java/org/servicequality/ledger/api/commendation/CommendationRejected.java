package org.servicequality.ledger.api.commendation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The praise is kept in the record but never counted. */
@Revision("1")
public record CommendationRejected(String commendationId,
                                   String departmentId,
                                   CommendationRejectionReason reasonCode,
                                   String reasonText,
                                   Instant rejectedAt) {
}
