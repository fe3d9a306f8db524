package org.servicequality.ledger.query.projection;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rebuilding projections while the service serves: start one (a processing group, or {@code all}), follow its
 * progress, abandon it. Like the other {@code /api/ops/} endpoints only callers on this machine may use it.
 */
@RestController
@RequestMapping("/api/ops/rebuilds")
class RebuildController {

    private final ProjectionRebuilds rebuilds;

    RebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** @param processingGroup {@code board}, {@code department-statistics}, {@code rankings} or {@code all} */
    record RebuildRequest(String processingGroup) {
    }

    @PostMapping
    ResponseEntity<RebuildView> start(@RequestBody(required = false) RebuildRequest request, HttpServletRequest http) throws IOException {
        loopbackOnly(http);
        if (request == null || request.processingGroup() == null || request.processingGroup().isBlank()) {
            throw badGroup("processingGroup is required: one of " + rebuilds.groups() + " or all");
        }
        try {
            ProjectionRebuilds.Rebuild rebuild = rebuilds.start(request.processingGroup().trim());
            return ResponseEntity.accepted().location(URI.create("/api/ops/rebuilds/" + rebuild.id())).body(RebuildView.of(rebuild));
        } catch (ProjectionRebuilds.UnknownProcessingGroupException unknown) {
            throw badGroup(unknown.getMessage());
        } catch (ProjectionRebuilds.RebuildInProgressException running) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
            problem.setTitle("Rebuild already running");
            problem.setProperty("rule", "rebuild.in-progress");
            problem.setProperty("rebuildId", running.rebuildId);
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, running);
        }
    }

    @GetMapping
    List<RebuildView> list(HttpServletRequest http) throws IOException {
        loopbackOnly(http);
        return rebuilds.all().stream().map(RebuildView::of).toList();
    }

    @GetMapping("/{id}")
    RebuildView get(@PathVariable String id, HttpServletRequest http) throws IOException {
        loopbackOnly(http);
        return rebuilds.find(id).map(RebuildView::of).orElseThrow(() -> unknown(id));
    }

    /** Stops a running rebuild and drops what it built; the active read models keep serving. */
    @DeleteMapping("/{id}")
    RebuildView abandon(@PathVariable String id, HttpServletRequest http) throws IOException {
        loopbackOnly(http);
        ProjectionRebuilds.Rebuild rebuild = rebuilds.abandon(id);
        if (rebuild == null) {
            throw unknown(id);
        }
        return RebuildView.of(rebuild);
    }

    /**
     * Progress of a rebuild, summed over its processing groups. {@code etaSeconds} is {@code null} until a rate is
     * known; {@code status} is {@code RUNNING}, {@code COMPLETED}, {@code FAILED} or {@code ABANDONED}.
     */
    record RebuildView(String id, String status, Instant requestedAt, long eventsDone, long eventsTotal,
                       double eventsPerSecond, Long etaSeconds, List<GroupView> processingGroups) {

        static RebuildView of(ProjectionRebuilds.Rebuild rebuild) {
            List<GroupView> groups = rebuild.groups().values().stream().map(GroupView::of).toList();
            Long eta = groups.stream().anyMatch(group -> group.etaSeconds() == null) ? null
                    : groups.stream().mapToLong(GroupView::etaSeconds).max().orElse(0);
            return new RebuildView(rebuild.id(), rebuild.status().name(), rebuild.requestedAt(),
                    groups.stream().mapToLong(GroupView::eventsDone).sum(),
                    groups.stream().mapToLong(GroupView::eventsTotal).sum(),
                    groups.stream().mapToDouble(GroupView::eventsPerSecond).sum(), eta, groups);
        }
    }

    /** One processing group's rebuild: the generation it fills (and the one it replaces) and its progress. */
    record GroupView(String processingGroup, String status, int generation, int previousGeneration, long eventsDone,
                     long eventsTotal, double eventsPerSecond, Long etaSeconds, Instant finishedAt, String failure) {

        static GroupView of(ProjectionRebuilds.GroupRebuild group) {
            return new GroupView(group.group, group.status().name(), group.generation, group.previousGeneration, group.done,
                    group.total, Math.round(group.rate * 10) / 10.0, group.eta(), group.finishedAt, group.failure);
        }
    }

    /** Answered here: the query side has no application-wide problem handler. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> problem(ErrorResponseException refused) {
        return ResponseEntity.status(refused.getStatusCode()).body(refused.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        return problem(badGroup("The body must be JSON like {\"processingGroup\": \"board\"} (or \"all\")"));
    }

    private static ErrorResponseException badGroup(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid rebuild request");
        problem.setProperty("errors", List.of(Map.of("field", "processingGroup", "reason", detail)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException unknown(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No rebuild '" + id + "'.");
        problem.setTitle("Unknown rebuild");
        problem.setProperty("rule", "id.unknown");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static void loopbackOnly(HttpServletRequest request) throws IOException {
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Rebuilds are run from the machine the service runs on (a loopback address).");
            problem.setTitle("Rebuild refused");
            problem.setProperty("rule", "ops.loopback-only");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
