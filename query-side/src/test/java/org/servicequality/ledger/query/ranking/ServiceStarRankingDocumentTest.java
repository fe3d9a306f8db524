package org.servicequality.ledger.query.ranking;

import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows replaced one person at a time stay one per person, in rank order, also in a document read back from MongoDB. */
class ServiceStarRankingDocumentTest {

    private static final int PEOPLE = 60;

    @Test
    void replacedRowsStayOnePerPersonInRankOrder() {
        Random random = new Random(10);
        ServiceStarRankingDocument ranking = new ServiceStarRankingDocument(Period.parse("2026"));
        Map<String, Integer> commendations = new HashMap<>();
        replaceRandomRows(ranking, commendations, random);
        assertRanked(ranking, commendations);

        // As the converter leaves a document it has read: the stored rows, nothing else.
        ServiceStarRankingDocument readBack = new ServiceStarRankingDocument();
        ReflectionTestUtils.setField(readBack, "rows", new ArrayList<>(ranking.getRows()));
        replaceRandomRows(readBack, commendations, random);
        assertRanked(readBack, commendations);
    }

    private static void replaceRandomRows(ServiceStarRankingDocument ranking, Map<String, Integer> commendations, Random random) {
        for (int i = 0; i < 3_000; i++) {
            String employeeNumber = "E" + random.nextInt(PEOPLE);
            // a few commendations, or none: a row with nothing in it is dropped
            int count = random.nextInt(5);
            ranking.replaceRow(employeeNumber, row(employeeNumber, count));
            commendations.put(employeeNumber, count);
        }
    }

    private static RankedRow row(String employeeNumber, int commendations) {
        StaffMonth month = new StaffMonth(StaffMonth.id(employeeNumber, "2026-03"));
        for (int i = 0; i < commendations; i++) {
            month.commended("commendation-" + i);
        }
        RankedRow row = new RankedRow(employeeNumber);
        row.add(month);
        return row;
    }

    private static void assertRanked(ServiceStarRankingDocument ranking, Map<String, Integer> commendations) {
        List<RankedRow> rows = ranking.getRows();
        Map<String, Integer> ranked = new HashMap<>();
        for (RankedRow row : rows) {
            assertThat(ranked.put(row.getEmployeeNumber(), row.getCommendations())).as(row.getEmployeeNumber()).isNull();
        }
        Map<String, Integer> expected = new HashMap<>(commendations);
        expected.values().removeIf(count -> count == 0);
        assertThat(ranked).isEqualTo(expected);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(ServiceStarScoring.ORDER.compare(rows.get(i - 1), rows.get(i))).isNegative();
        }
    }
}
