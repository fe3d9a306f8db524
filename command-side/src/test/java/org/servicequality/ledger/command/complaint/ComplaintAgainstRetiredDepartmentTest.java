package org.servicequality.ledger.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Rejection;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.FileComplaint;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import org.servicequality.ledger.command.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.predicate;

/** Kept apart from ComplaintTest: it is about the department port, not the complaint's own life cycle. */
class ComplaintAgainstRetiredDepartmentTest {

    @Test
    void aRetiredDepartmentTakesNoNewComplaints() {
        AggregateTestFixture<Complaint> fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean isRegistered(String departmentId) {
                return "OLD-WARD".equals(departmentId);
            }

            @Override
            public boolean isRetired(String departmentId) {
                return "OLD-WARD".equals(departmentId);
            }
        });
        fixture.registerInjectableResource(new ReplyDueDates(WorkingDayCalendar.loadDefault(), ZoneId.of("Asia/Shanghai"), 3));
        Instant received = Instant.parse("2026-07-01T01:30:00Z");
        fixture.givenCurrentTime(received).andGivenCommands()
                .when(new FileComplaint("c-1", Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                        "OLD-WARD", List.of(), "Rude at the counter", "", received, null))
                .expectNoEvents()
                .expectException(predicate(e -> e instanceof CommandRejectedException rejected
                        && "department.retired".equals(rejected.rejection().rule())
                        && rejected.rejection().reason() == Rejection.Reason.CONFLICT));
    }
}
