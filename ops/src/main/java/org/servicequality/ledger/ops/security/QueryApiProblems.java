package org.servicequality.ledger.ops.security;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Refusals of the query side's endpoints (unknown department, unreadable parameter) as RFC 9457 problems, like the
 * command side's. Spring Boot's own problem handler steps back as soon as any such handler exists (the command
 * side's {@code CommandApiProblems} is one, limited to its own controllers), which left the query side's refusals
 * to the generic error page.
 */
@RestControllerAdvice(basePackages = "org.servicequality.ledger.query")
class QueryApiProblems extends ResponseEntityExceptionHandler {
}
