package org.servicequality.ledger.query.projection;

/**
 * Published (as a Spring application event) after a processor of the query side has committed a batch in this
 * process: the read models of {@code processingGroup} may have changed. Answers kept for a while (the board's) listen
 * for it; read models written by another instance signal nothing here, so such answers bound their age as well.
 */
public record ReadModelsChanged(String processingGroup) {
}
