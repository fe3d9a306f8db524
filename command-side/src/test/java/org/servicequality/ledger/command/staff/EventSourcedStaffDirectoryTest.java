package org.servicequality.ledger.command.staff;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberLeft;
import org.servicequality.ledger.api.staff.StaffRole;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventSourcedStaffDirectoryTest {

    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final StaffDirectory directory = new EventSourcedStaffDirectory(eventStore);

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void anEnrolledNumberStaysEnrolledAfterLeaving() {
        eventStore.publish(new GenericDomainEventMessage<>("StaffMember", "staff:E1", 0,
                new StaffMemberEnrolled("E1", "CARDIOLOGY", StaffRole.SECURITY, "Sun Qiang", T)));
        eventStore.publish(new GenericDomainEventMessage<>("StaffMember", "staff:E1", 1,
                new StaffMemberLeft("E1", "CARDIOLOGY", T)));

        assertThat(directory.isEnrolled("E1")).isTrue();
        assertThat(directory.isEnrolled("E2")).isFalse();
    }

    @Test
    void aDepartmentNamedLikeAnEmployeeNumberIsNotStaff() {
        eventStore.publish(new GenericDomainEventMessage<>("Department", "E1", 0,
                new DepartmentRegistered("E1", "一病区", "Ward 1", DepartmentKind.CLINICAL)));

        assertThat(directory.isEnrolled("E1")).isFalse();
    }
}
