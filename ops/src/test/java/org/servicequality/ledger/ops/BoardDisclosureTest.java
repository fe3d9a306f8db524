package org.servicequality.ledger.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the public board discloses, and that a complainant's personal data is never part of it. */
class BoardDisclosureTest {

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        BoardScenario.seed(ledger);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?lang=en", "/departments/ORTHOPAEDICS", "/departments/ORTHOPAEDICS?lang=en",
            "/api/board", "/api/board/departments/ORTHOPAEDICS", "/api/board.csv", "/api/board/rectifications.csv",
            "/api/board/departments/ORTHOPAEDICS/findings.csv"})
    void noPersonalDataOfComplainantsNorStaffNamesAnywhere(String path) {
        RunningLedger.Response response = ledger.get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(BoardScenario.PERSONAL_DATA.toArray(String[]::new));
    }

    @Test
    void theDepartmentPageDisclosesFindingsByRolePraiseByEmployeeNumberAndTheAppeal() {
        String page = ledger.get("/departments/ORTHOPAEDICS?lang=en").body();

        assertThat(page).contains(BoardScenario.NEGATIVE_FINDING_CLAUSE, "Nurse", BoardScenario.APPEAL_REPLY,
                "Appeal accepted, finding overturned", "E7002", BoardScenario.COMMENDATION_TEXT,
                "Seen within 30 minutes of registration", "不知道", "Retrain reception staff in courteous phrases", "Overdue");
        assertThat(page).doesNotContain("E7001");
    }

    @Test
    void theBoardShowsThisMonthsFiguresFromTheScorecard() {
        String csv = ledger.get("/api/board.csv").body();

        // 1 complaint in 5,000 contacts is 2 per 10,000; replied on time; resolved; one of two rectifications overdue.
        assertThat(csv.lines().filter(line -> line.startsWith("ORTHOPAEDICS,")).findFirst().orElseThrow())
                .contains(",4,", ",1,5000,2.0,1,1.0,1.0,2,1,");
    }
}
