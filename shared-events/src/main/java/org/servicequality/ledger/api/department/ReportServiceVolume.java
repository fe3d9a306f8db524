package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.servicequality.ledger.api.Period;

/** @param serviceContacts how many times the department served someone in the period; the denominator of rates */
public record ReportServiceVolume(@TargetAggregateIdentifier String departmentId,
                                  Period period,
                                  long serviceContacts,
                                  @TargetAggregateVersion Long expectedVersion) {
}
