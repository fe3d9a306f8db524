/**
 * Inspections (明察暗访): a supervisor checks a department by one of several methods, records findings
 * against written standards, circulates the results (通报); the department may appeal (申诉) a finding once,
 * and the appeal is decided by upholding or overturning it.
 */
package org.servicequality.ledger.api.inspection;
