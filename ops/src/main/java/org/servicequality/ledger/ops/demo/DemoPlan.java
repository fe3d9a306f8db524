package org.servicequality.ledger.ops.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every request the demo sends, in order, grouped in phases. The plan is pure data computed from the
 * seed and the day it is seeded on, so the same seed on the same day gives the same requests, bodies
 * and idempotency keys.
 */
final class DemoPlan {

    /**
     * Phases run one after the other. Before {@link #LATE} and {@link #TODAY} (and at the end) the demo waits
     * for every deadline already due to fire, so a late reply or verification follows its overdue event as it
     * would have in real time.
     */
    enum Phase {
        ORGANISATION("departments, commitments, phrase standards, service volumes", false),
        STAFF("staff", false),
        HISTORY("complaints, praise, inspections and rectifications", false),
        LATE("late replies, resolutions and verifications", true),
        TODAY("reopenings, erasures, transfers and other steps the service dates itself", true),
        AWARDS("star ratings and Service Star rounds", false);

        final String description;
        final boolean afterDueDeadlines;

        Phase(String description, boolean afterDueDeadlines) {
            this.description = description;
            this.afterDueDeadlines = afterDueDeadlines;
        }
    }

    /** A server-chosen id (complaint, inspection, finding, commendation, rectification, commitment) known once its creating request was answered. */
    record Ref(String name) {
        @Override
        public String toString() {
            return "{" + name + "}";
        }
    }

    /** A time the server dates itself (a reopening): the follow-up step must be dated at or after it, so it is taken when sent. */
    enum Now { INSTANT }

    /**
     * @param key      the idempotency key (derived from the seed and the item, never from the day)
     * @param label    what kind of request this is, for the summary
     * @param path     the path; {@link Ref}s in it are written {@code {name}}
     * @param body     the JSON body; values may be {@link Ref}s or {@link Now}
     * @param captures response field to the {@link Ref} name it defines
     */
    record Step(Phase phase, String key, String label, String path, Map<String, Object> body, Map<String, String> captures) {
    }

    private final Map<Phase, List<Step>> steps = new EnumMap<>(Phase.class);
    private final Map<String, Integer> sizes;

    DemoPlan(List<Step> all, Map<String, Integer> sizes) {
        for (Phase phase : Phase.values()) {
            steps.put(phase, new ArrayList<>());
        }
        all.forEach(step -> steps.get(step.phase()).add(step));
        this.sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    List<Step> steps(Phase phase) {
        return steps.get(phase);
    }

    int size() {
        return steps.values().stream().mapToInt(List::size).sum();
    }

    /** What the plan seeds: departments, staff, complaints, ... (for the log and the summary). */
    Map<String, Integer> sizes() {
        return sizes;
    }
}
