package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;

/**
 * A period's figure was reported again with a different value; {@code serviceContacts} replaces the
 * earlier figure, which is kept as {@code previousServiceContacts} for audit.
 */
@Revision("1")
public record ServiceVolumeCorrected(String departmentId,
                                     Period period,
                                     long serviceContacts,
                                     long previousServiceContacts,
                                     Instant correctedAt) {
}
