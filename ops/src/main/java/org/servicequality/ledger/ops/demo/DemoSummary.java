package org.servicequality.ledger.ops.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did.
 *
 * @param planned          the organisation the plan describes (departments, staff, complaints, ...)
 * @param requests         requests sent
 * @param added            requests that recorded something new
 * @param alreadyPresent   requests answered as already recorded (a rerun, or an item registered by hand before)
 * @param skipped          requests not sent because the item they act on was not recorded in this run
 * @param refused          requests the service refused unexpectedly; {@link #refusals} shows the first of them
 * @param seededDifferently the data directory holds demo data planned on another day or with other options: the
 *                          run stopped at the first such item instead of adding a second organisation
 * @param addedByKind      added requests per kind of request (for example {@code complaint.file})
 */
public record DemoSummary(Map<String, Integer> planned, int requests, int added, int alreadyPresent, int skipped, int refused,
                          boolean seededDifferently, Map<String, Integer> addedByKind, List<String> refusals, Duration took) {

    public DemoSummary {
        planned = Collections.unmodifiableMap(new LinkedHashMap<>(planned));
        addedByKind = Collections.unmodifiableMap(new TreeMap<>(addedByKind));
        refusals = List.copyOf(refusals);
    }
}
