package org.servicequality.ledger.query.asof;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/** A bad {@code asOf} on any view of the query side is the caller's mistake: a 400 problem naming the parameter. */
@RestControllerAdvice(basePackages = "org.servicequality.ledger.query")
class AsOfProblems {

    @ExceptionHandler(InvalidAsOfException.class)
    ProblemDetail invalidAsOf(InvalidAsOfException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("rule", "asOf.invalid");
        problem.setProperty("errors", List.of(Map.of("field", "asOf", "reason", exception.getMessage())));
        return problem;
    }
}
