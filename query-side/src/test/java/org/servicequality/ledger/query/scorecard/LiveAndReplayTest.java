package org.servicequality.ledger.query.scorecard;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.query.projection.ProjectionHarness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicequality.ledger.query.scorecard.ScoringWorkedExampleTest.CLOCK;

/** Built live, one event per batch, or replayed after a reset in one batch: the same documents. */
class LiveAndReplayTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final DepartmentStatisticsProjection projection = new DepartmentStatisticsProjection(harness.mongo(), CLOCK);

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void liveAndReplayedStatisticsAreIdentical() {
        List<EventMessage<?>> history = ScoringWorkedExampleTest.workedExample();
        history.forEach(event -> harness.deliver(projection, event));
        Map<String, List<Document>> live = contents();

        projection.reset();
        assertThat(contents().values()).allMatch(List::isEmpty);
        harness.deliver(projection, history);

        assertThat(contents()).isEqualTo(live);
        assertThat(live.get("scorecard_department_months")).hasSize(3);
    }

    private Map<String, List<Document>> contents() {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String collection : List.of("scorecard_department_months", "scorecard_complaints", "scorecard_findings",
                "scorecard_reported_volumes", "scorecard_departments")) {
            contents.put(collection, harness.contentsOf(collection));
        }
        return contents;
    }
}
