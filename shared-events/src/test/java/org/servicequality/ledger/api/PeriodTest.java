package org.servicequality.ledger.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @ValueSource(strings = {"2026", "2026-07", "2026-Q3", "2025-12", "2025-Q1"})
    void formatsAsItParses(String text) {
        assertThat(Period.parse(text)).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-7", "2026/07", "2026-07-01"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quarterCoversItsThreeMonths() {
        Period q3 = Period.parse("2026-Q3");
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.endExclusive()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void instantsBelongToThePeriodOfTheOrganisationsLocalDate() {
        Instant lateOnJuneThirtiethUtc = Instant.parse("2026-06-30T17:00:00Z");
        assertThat(Period.parse("2026-07").contains(lateOnJuneThirtiethUtc, SHANGHAI)).isTrue();
        assertThat(Period.parse("2026-06").contains(lateOnJuneThirtiethUtc, ZoneId.of("UTC"))).isTrue();
    }

    @Test
    void yearEarlierKeepsTheKind() {
        assertThat(Period.parse("2026-Q3").yearEarlier()).hasToString("2025-Q3");
        assertThat(Period.parse("2026").yearEarlier()).hasToString("2025");
    }

    @Test
    void ordersByStartThenLongestFirst() {
        assertThat(Period.parse("2026").compareTo(Period.parse("2026-01"))).isNegative();
        assertThat(Period.parse("2026-01").compareTo(Period.parse("2026-02"))).isNegative();
    }
}
