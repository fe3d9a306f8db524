package org.servicequality.ledger.query.scorecard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindDepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindScorecards;
import org.servicequality.ledger.api.scorecard.Scorecards;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** Department scorecards for managers: one department or all of them, for a month, quarter or year. */
@RestController
class ScorecardController {

    private final AsOfViews views;

    ScorecardController(AsOfViews views) {
        this.views = views;
    }

    @GetMapping(path = "/api/scorecards", produces = MediaType.APPLICATION_JSON_VALUE)
    Scorecards all(@RequestParam String period, @RequestParam(required = false) String asOf) {
        Period parsed = periodOf(period);
        return views.at(asOf).queries().query(new FindScorecards(parsed), Scorecards.class).join();
    }

    @GetMapping(path = "/api/scorecards/{departmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    DepartmentScorecard department(@PathVariable String departmentId, @RequestParam String period,
                                   @RequestParam(required = false) String asOf) {
        Period parsed = periodOf(period);
        return views.at(asOf).queries().query(new FindDepartmentScorecard(departmentId, parsed),
                        ResponseTypes.optionalInstanceOf(DepartmentScorecard.class))
                .join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No department '" + departmentId + "' is registered."));
    }

    @ExceptionHandler(InvalidPeriod.class)
    ProblemDetail invalidPeriod(InvalidPeriod exception) {
        return periodProblem(exception.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingPeriod(MissingServletRequestParameterException exception) {
        return periodProblem("period is required: use yyyy, yyyy-MM or yyyy-Qn, for example 2026, 2026-07 or 2026-Q3");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail unknownDepartment(ResponseStatusException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.getStatusCode(), exception.getReason());
        problem.setTitle("Unknown id");
        problem.setProperty("rule", "id.unknown");
        problem.setProperty("errors", List.of(Map.of("field", "departmentId", "reason", String.valueOf(exception.getReason()))));
        return problem;
    }

    private static ProblemDetail periodProblem(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Invalid input");
        problem.setProperty("rule", "period.malformed");
        problem.setProperty("errors", List.of(Map.of("field", "period", "reason", reason)));
        return problem;
    }

    private static Period periodOf(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPeriod(e.getMessage());
        }
    }

    private static final class InvalidPeriod extends RuntimeException {
        InvalidPeriod(String message) {
            super(message);
        }
    }
}
