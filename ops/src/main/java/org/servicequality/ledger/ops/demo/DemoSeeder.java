package org.servicequality.ledger.ops.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicequality.ledger.ops.demo.DemoPlan.Now;
import org.servicequality.ledger.ops.demo.DemoPlan.Phase;
import org.servicequality.ledger.ops.demo.DemoPlan.Ref;
import org.servicequality.ledger.ops.demo.DemoPlan.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends a {@link DemoPlan}, phase by phase, logging progress, and sums up what happened. */
final class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final Pattern REF = Pattern.compile("\\{([A-Za-z0-9_-]+)}");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int REFUSALS_KEPT = 20;
    private static final int SERVER_ERROR_RETRIES = 3;
    /** Refusals that only say the item is there already: registered by hand, or a response lost to an interruption. */
    private static final Set<String> ALREADY_THERE = Set.of("department.already-registered", "staff.already-enrolled",
            "idempotency-key.in-progress");

    /** Waits until the deadline manager has handled every deadline that is already due. */
    interface DueDeadlines {
        void awaitHandled() throws InterruptedException;
    }

    private final LedgerCommandClient client;
    private final DueDeadlines deadlines;
    private final ObjectMapper json;

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> addedByKind = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();
    private int requests;
    private int added;
    private int present;
    private int skipped;
    private int refused;

    DemoSeeder(LedgerCommandClient client, DueDeadlines deadlines, ObjectMapper json) {
        this.client = client;
        this.deadlines = deadlines;
        this.json = json;
    }

    DemoSummary seed(DemoPlan plan) throws IOException, InterruptedException {
        Instant started = Instant.now();
        log.info("Demo: seeding {} ({} requests)", describe(plan.sizes()), plan.size());
        boolean seededDifferently = false;
        phases:
        for (Phase phase : Phase.values()) {
            if (phase.afterDueDeadlines) {
                log.info("Demo: waiting for the deadlines already due (overdue replies and rectifications) to fire");
                deadlines.awaitHandled();
            }
            List<Step> steps = plan.steps(phase);
            log.info("Demo: {} ({} requests)", phase.description, steps.size());
            Instant lastReport = Instant.now();
            for (int i = 0; i < steps.size(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("demo seeding stopped");
                }
                if (!send(steps.get(i))) {
                    seededDifferently = true;
                    break phases;
                }
                if (Duration.between(lastReport, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                    lastReport = Instant.now();
                    log.info("Demo: {} {}/{} ({} of {} requests sent in all)", phase.name().toLowerCase(), i + 1, steps.size(),
                            requests, plan.size());
                }
            }
        }
        if (!seededDifferently) {
            deadlines.awaitHandled();
        }
        DemoSummary summary = new DemoSummary(plan.sizes(), requests, added, present, skipped, refused, seededDifferently,
                addedByKind, refusals, Duration.between(started, Instant.now()));
        report(summary);
        return summary;
    }

    /** @return false when the item was recorded earlier from a different plan, so the run must stop */
    private boolean send(Step step) throws IOException, InterruptedException {
        Optional<String> path = resolvePath(step.path());
        Map<String, Object> body = step.body() == null ? null : resolve(step.body());
        if (path.isEmpty() || body == UNRESOLVED) {
            skipped++;
            return true;
        }
        requests++;
        LedgerCommandClient.Answer answer = client.post(path.get(), step.key(), body == null ? null : json.writeValueAsBytes(body));
        for (int retry = 1; retry <= SERVER_ERROR_RETRIES && answer.status() >= 500; retry++) {
            // A server error rolls the command back, idempotency key included, so sending it again is safe.
            log.info("Demo: POST {} ({}) failed with {}; retrying", path.get(), step.key(), answer.status());
            TimeUnit.MILLISECONDS.sleep(500L * retry);
            answer = client.post(path.get(), step.key(), body == null ? null : json.writeValueAsBytes(body));
        }
        LedgerCommandClient.Answer answered = answer;
        if (answer.succeeded()) {
            step.captures().forEach((field, ref) -> ids.put(ref, answered.body().path(field).asText()));
            if (answer.replayed()) {
                present++;
            } else {
                added++;
                addedByKind.merge(step.label(), 1, Integer::sum);
            }
        } else if (answer.status() == 422 && answer.rule().equals("idempotency-key.reused")) {
            if (!dependsOnNow(step.body())) {
                log.warn("Demo: {} was recorded earlier with different content: this data directory holds demo data planned on "
                        + "another day or with other options. Stopping here so the organisation is not added twice; start on an "
                        + "empty data directory for a fresh demo.", step.key());
                return false;
            }
            present++; // dated by the clock when first sent, so its body cannot be the same again
        } else if (ALREADY_THERE.contains(answer.rule())) {
            present++;
        } else {
            refused++;
            if (refusals.size() < REFUSALS_KEPT) {
                refusals.add("POST " + path.get() + " (" + step.key() + ") -> " + answer.status() + " " + answer.body());
            }
            log.warn("Demo: POST {} ({}) was refused: {} {}", path.get(), step.key(), answer.status(), answer.body());
        }
        return true;
    }

    private static final Map<String, Object> UNRESOLVED = Map.of();

    private Optional<String> resolvePath(String path) {
        Matcher matcher = REF.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        matcher.appendTail(resolved);
        return Optional.of(resolved.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> body) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : body.entrySet()) {
            Object value = field.getValue();
            if (value instanceof Ref ref) {
                value = ids.get(ref.name());
                if (value == null) {
                    return UNRESOLVED;
                }
            } else if (value instanceof Now) {
                value = Instant.now();
            } else if (value instanceof Map<?, ?> nested) {
                value = resolve((Map<String, Object>) nested);
                if (value == UNRESOLVED) {
                    return UNRESOLVED;
                }
            }
            resolved.put(field.getKey(), value);
        }
        return resolved;
    }

    private static boolean dependsOnNow(Map<String, Object> body) {
        return body != null && body.containsValue(Now.INSTANT);
    }

    private void report(DemoSummary summary) {
        if (summary.seededDifferently()) {
            log.warn("Demo: stopped after {} requests: the demo organisation is already there ({} requests found recorded).",
                    summary.requests(), summary.alreadyPresent());
        }
        log.info("Demo: done in {} s: {} requests, {} added, {} already there, {} skipped, {} refused. The organisation: {}.",
                summary.took().toSeconds(), summary.requests(), summary.added(), summary.alreadyPresent(), summary.skipped(),
                summary.refused(), describe(summary.planned()));
        if (summary.refused() > 0) {
            log.warn("Demo: {} requests were refused; the first: {}", summary.refused(), summary.refusals());
        }
    }

    private static String describe(Map<String, Integer> sizes) {
        StringBuilder text = new StringBuilder();
        sizes.forEach((what, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(what));
        return text.toString();
    }
}
