package org.servicequality.ledger.query.projection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing group that writes a read-model document class. A rebuild of that group fills a new
 * generation of the class's collection while the current one keeps answering ({@link ReadModelGenerations}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelOf {

    /** The processing group (and processor) name. */
    String value();
}
