package org.servicequality.ledger.command.award;

import org.servicequality.ledger.api.Period;

/**
 * Whether a staff member's conduct in a period rules out a Service Star award: a substantiated (or partly
 * substantiated) serious complaint received in the period, or an upheld serious inspection finding from
 * an inspection in the period.
 */
public interface StaffConductRecord {

    boolean hasDisqualifyingRecord(String employeeNumber, Period period);
}
