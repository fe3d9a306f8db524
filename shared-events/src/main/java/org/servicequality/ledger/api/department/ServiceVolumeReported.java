package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

/** The first figure reported for a period. Later figures for the same period arrive as {@link ServiceVolumeCorrected}. */
@Revision("1")
public record ServiceVolumeReported(String departmentId,
                                    Period period,
                                    long serviceContacts,
                                    Instant reportedAt) {
}
