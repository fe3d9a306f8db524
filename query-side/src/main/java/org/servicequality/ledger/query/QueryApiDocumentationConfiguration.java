package org.servicequality.ledger.query;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * springdoc documents a plain {@code @Controller} only where a method answers a body; the board's and the ranking's
 * web pages answer a view, and are endpoints all the same.
 */
@Configuration(proxyBeanMethods = false)
class QueryApiDocumentationConfiguration {

    QueryApiDocumentationConfiguration() {
        SpringDocUtils.getConfig().addRestControllers(PublicWebPages.class);
    }
}
