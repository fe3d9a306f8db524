package org.servicequality.ledger.query;

/**
 * Marks a controller that serves web pages of the public board next to its JSON and CSV, so that the OpenAPI document
 * lists the pages too (see {@link QueryApiDocumentationConfiguration}).
 */
public interface PublicWebPages {
}
