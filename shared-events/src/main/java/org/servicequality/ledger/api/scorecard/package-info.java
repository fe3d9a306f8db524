/**
 * Department scorecards: figures per department and period (month, quarter, year) for managers. The
 * formulas behind every rate, share, median and score are written in {@code docs/scoring.md}; every
 * answer names the scoring method version that produced it.
 */
package org.servicequality.ledger.api.scorecard;
