package org.servicequality.ledger.command.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller parameter of type {@code Long} to the aggregate version the client expects, taken from
 * the {@code If-Match} header ({@code null} when absent: no check). See {@link Preconditions}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IfMatch {
}
