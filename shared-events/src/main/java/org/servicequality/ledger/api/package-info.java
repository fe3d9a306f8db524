/**
 * The published language of the ledger: commands, events, queries and value objects shared by the
 * command side and the query side. One sub-package per feature; everything is a plain Java record
 * or enum so that it serializes as JSON and carries no framework behaviour.
 */
package org.servicequality.ledger.api;
