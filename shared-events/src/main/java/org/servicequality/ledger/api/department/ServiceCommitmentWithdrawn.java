package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A commitment no longer stands; its publication stays in the history. */
@Revision("1")
public record ServiceCommitmentWithdrawn(String departmentId,
                                         String commitmentId,
                                         Instant withdrawnAt) {
}
