/**
 * Rectification (整改): a corrective action ordered after a substantiated complaint or an inspection
 * finding, with a due date; the department reports progress and submits evidence, which someone else
 * verifies or rejects. A rectification not verified by the end of its due date is flagged overdue.
 */
package org.servicequality.ledger.api.rectification;
