package org.servicequality.ledger.ops.demo;

import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.servicequality.ledger.ops.demo.DemoPlan.Phase;
import org.servicequality.ledger.ops.demo.DemoPlan.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The default plan is the organisation the README promises, dated in the past, and the same for the same seed and day. */
class DemoPlannerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.loadDefault();

    private static DemoPlan plan(DemoOptions options) {
        return new DemoPlanner(options, SHANGHAI, TODAY, CALENDAR, 3).plan();
    }

    private static List<Step> all(DemoPlan plan) {
        return Arrays.stream(Phase.values()).flatMap(phase -> plan.steps(phase).stream()).toList();
    }

    @Test
    void theDefaultPlanIsAHospitalOfTwentyDepartmentsAndThreeHundredStaffWithAYearOfHistory() {
        DemoPlan plan = plan(DemoOptions.DEFAULT);

        assertThat(plan.sizes().get("departments")).isGreaterThanOrEqualTo(20);
        assertThat(plan.sizes().get("staff")).isGreaterThanOrEqualTo(300);
        assertThat(plan.sizes().get("complaints and suggestions")).isGreaterThan(1_000);
        assertThat(plan.sizes().get("service star rounds")).isGreaterThanOrEqualTo(3);
        List<Step> steps = all(plan);
        assertThat(valuesOf(steps, "staff.enrol", "role")).containsAll(names(StaffRole.values()));
        assertThat(valuesOf(steps, "complaint.file", "channel")).containsAll(names(Channel.values()));
        assertThat(valuesOf(steps, "complaint.file", "category")).containsAll(names(Category.values()));
        assertThat(valuesOf(steps, "commendation.receive", "channel")).containsAll(names(Channel.values()));
        assertThat(valuesOf(steps, "inspection.conduct", "method")).containsAll(names(InspectionMethod.values()));
        Set<String> firstMonth = steps.stream().filter(s -> s.label().equals("complaint.file"))
                .map(s -> ((Instant) s.body().get("receivedAt")).atZone(SHANGHAI).toLocalDate())
                .filter(day -> day.isBefore(TODAY.minusMonths(11))).map(LocalDate::toString).collect(Collectors.toSet());
        assertThat(firstMonth).as("complaints a year ago").isNotEmpty();
    }

    @Test
    void everyTimeLiesBeforeTodayAndEveryKeyIsUsedOnce() {
        List<Step> steps = all(plan(DemoOptions.DEFAULT));
        Instant startOfToday = TODAY.atStartOfDay(SHANGHAI).toInstant();

        assertThat(steps.stream().flatMap(step -> instants(step.body())))
                .isNotEmpty()
                .allSatisfy(instant -> assertThat(instant).isBefore(startOfToday));
        assertThat(new HashSet<>(steps.stream().map(Step::key).toList())).hasSize(steps.size());
        assertThat(steps).allSatisfy(step -> assertThat(step.key()).matches("[\\x21-\\x7E]{1,255}"));
    }

    @Test
    void theSameSeedAndDayPlanTheSameRequestsAndAnotherSeedOthers() {
        DemoOptions small = new DemoOptions(7, 3, 80, 20);

        assertThat(all(plan(small))).isEqualTo(all(plan(small)));
        assertThat(all(plan(new DemoOptions(8, 3, 80, 20)))).isNotEqualTo(all(plan(small)));
    }

    /**
     * Idempotency keys are tied to the bytes of the body, and a rerun is another JVM: a map without a fixed
     * order ({@code Map.of}) may serialize its fields in another order there and be refused as a different request.
     */
    @Test
    void everyBodySerializesItsFieldsInAFixedOrder() {
        assertThat(all(plan(DemoOptions.DEFAULT)).stream().filter(step -> step.body() != null).flatMap(step -> maps(step.body())))
                .allSatisfy(map -> assertThat(map).isInstanceOf(LinkedHashMap.class));
    }

    private static Stream<Map<?, ?>> maps(Map<?, ?> map) {
        return Stream.concat(Stream.of(map), map.values().stream()
                .filter(Map.class::isInstance).flatMap(nested -> maps((Map<?, ?>) nested)));
    }

    private static Set<Object> valuesOf(List<Step> steps, String label, String field) {
        return steps.stream().filter(step -> step.label().equals(label)).map(step -> step.body().get(field)).collect(Collectors.toSet());
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Stream<Instant> instants(Object value) {
        if (value instanceof Instant instant) {
            return Stream.of(instant);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().flatMap(DemoPlannerTest::instants);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().flatMap(DemoPlannerTest::instants);
        }
        return Stream.empty();
    }
}
