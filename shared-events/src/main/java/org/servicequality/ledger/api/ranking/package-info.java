/**
 * Service Star rankings (服务明星排行): staff ranked per period by a documented, versioned score whose
 * every row explains itself with the counts behind each component (docs/scoring-rankings.md).
 */
package org.servicequality.ledger.api.ranking;
