package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The submitter's contact was made unreadable by destroying its key; every event stays as it was. */
@Revision("1")
public record ComplainantPersonalDataErased(String complaintId,
                                            String keyId,
                                            String requestedBy,
                                            String reason,
                                            Instant erasedAt) {
}
