/**
 * Service Star rankings (服务明星排行): staff ranked per period by a documented, versioned score whose
 * every row explains itself with the counts behind each component (docs/scoring.md, Service Star rankings).
 */
package org.servicequality.ledger.api.ranking;
