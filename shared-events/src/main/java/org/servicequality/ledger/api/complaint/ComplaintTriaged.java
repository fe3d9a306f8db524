package org.servicequality.ledger.api.complaint;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Severity;

/** The quality office categorised the case, judged its severity and chose the department that handles it. */
@Revision("1")
public record ComplaintTriaged(String complaintId,
                               Category category,
                               Severity severity,
                               String handlingDepartmentId) {
}
