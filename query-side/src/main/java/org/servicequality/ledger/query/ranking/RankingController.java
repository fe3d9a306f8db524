package org.servicequality.ledger.query.ranking;

import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.ranking.FindServiceStarRanking;
import org.servicequality.ledger.api.ranking.ServiceStarRanking;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.servicequality.ledger.query.PublicWebPages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Service Star rankings: JSON for anyone, and a page on the public board. */
@Controller
@Tag(name = "Open data: Service Star rankings", description = """
        Staff ranked per period by the documented Service Star score (docs/scoring.md), open to everyone. Periods are \
        calendar periods in the organisation's time zone (`ledger.time-zone`): `yyyy`, `yyyy-MM` or `yyyy-Qn`.""")
class RankingController implements PublicWebPages {

    /** How many rows the page shows; the JSON has them all. */
    static final int PAGE_ROWS = 20;

    private final AsOfViews views;

    RankingController(AsOfViews views) {
        this.views = views;
    }

    @Operation(summary = "The Service Star ranking of a period", description = "Every ranked staff member, best first; ties "
            + "broken deterministically; awarded stars shown.")
    @ApiResponse(responseCode = "200", description = "The ranking")
    @ApiResponse(responseCode = "400", description = "period missing or not yyyy, yyyy-MM or yyyy-Qn (problem body naming the field)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/rankings/service-stars", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ServiceStarRanking serviceStars(@Parameter(description = "yyyy, yyyy-MM or yyyy-Qn", example = "2026-Q3") @RequestParam(required = false) String period,
                                    @RequestParam(required = false) String asOf) {
        if (period == null || period.isBlank()) {
            throw new InvalidPeriodException("period is required: yyyy, yyyy-MM or yyyy-Qn, for example 2026-Q3");
        }
        Period parsed = parse(period);
        return ranking(views.at(asOf), parsed);
    }

    /** Without a period the page shows the current quarter (as of the instant asked for), the usual rhythm of Service Star rounds. */
    @Operation(summary = "The ranking as a web page", description = "The top rows of GET /api/rankings/service-stars; "
            + "without a period, the current quarter.")
    @GetMapping(path = "/rankings", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String asOf, Model model) {
        Period asked = period == null || period.isBlank() ? null : parse(period);
        AsOfViews.ReadSide view = views.at(asOf);
        ServiceStarRanking ranking = ranking(view, asked == null ? RankingPeriods.quarterOf(YearMonth.now(view.clock())) : asked);
        model.addAttribute("ranking", ranking);
        model.addAttribute("asOf", view.asOf());
        model.addAttribute("asOfLocal", view.asOfLocal());
        model.addAttribute("zone", view.clock().getZone());
        model.addAttribute("top", ranking.rows().subList(0, Math.min(PAGE_ROWS, ranking.rows().size())));
        return "rankings";
    }

    @ExceptionHandler(InvalidPeriodException.class)
    ProblemDetail invalidPeriod(InvalidPeriodException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", "period", "reason", exception.getMessage())));
        return problem;
    }

    private static ServiceStarRanking ranking(AsOfViews.ReadSide view, Period period) {
        return view.queries().query(new FindServiceStarRanking(period), ServiceStarRanking.class).join();
    }

    private static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidPeriodException(invalid.getMessage());
        }
    }

    static final class InvalidPeriodException extends RuntimeException {
        InvalidPeriodException(String message) {
            super(message);
        }
    }
}
