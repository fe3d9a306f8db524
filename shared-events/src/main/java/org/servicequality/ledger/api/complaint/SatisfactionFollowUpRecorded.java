package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The submitter rated the handling from 1 (very dissatisfied) to 5 (very satisfied). */
@Revision("1")
public record SatisfactionFollowUpRecorded(String complaintId,
                                           String handlingDepartmentId,
                                           int score,
                                           String comment,
                                           Instant followedUpAt) {
}
