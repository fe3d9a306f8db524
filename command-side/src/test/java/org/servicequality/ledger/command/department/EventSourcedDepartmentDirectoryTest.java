package org.servicequality.ledger.command.department;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffRole;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventSourcedDepartmentDirectoryTest {

    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final DepartmentDirectory directory = new EventSourcedDepartmentDirectory(eventStore);

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private void append(String aggregateType, String id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, id, sequence, payload));
    }

    @Test
    void aRegisteredDepartmentAcceptsNewCases() {
        append("Department", "CARDIOLOGY", 0, new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        append("Department", "CARDIOLOGY", 1, new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-06"), 10, T));

        assertThat(directory.isRegistered("CARDIOLOGY")).isTrue();
        assertThat(directory.isRetired("CARDIOLOGY")).isFalse();
        assertThat(directory.acceptsNewCases("CARDIOLOGY")).isTrue();
    }

    @Test
    void aRetiredDepartmentStaysRegisteredButAcceptsNoNewCases() {
        append("Department", "OLD-WARD", 0, new DepartmentRegistered("OLD-WARD", "旧病区", "Old ward", DepartmentKind.CLINICAL));
        append("Department", "OLD-WARD", 1, new DepartmentRetired("OLD-WARD", "Closed", T));

        assertThat(directory.isRegistered("OLD-WARD")).isTrue();
        assertThat(directory.isRetired("OLD-WARD")).isTrue();
        assertThat(directory.acceptsNewCases("OLD-WARD")).isFalse();
    }

    @Test
    void anUnknownIdIsNeitherRegisteredNorRetired() {
        assertThat(directory.isRegistered("NOWHERE")).isFalse();
        assertThat(directory.isRetired("NOWHERE")).isFalse();
        assertThat(directory.acceptsNewCases("NOWHERE")).isFalse();
    }

    @Test
    void anotherAggregatesStreamIsNoDepartment() {
        append("StaffMember", "staff:E1", 0, new StaffMemberEnrolled("E1", "CARDIOLOGY", StaffRole.CLEANING, "Zhao Lei", T));

        assertThat(directory.isRegistered("staff:E1")).isFalse();
        assertThat(directory.acceptsNewCases("staff:E1")).isFalse();
    }

    @Test
    void aDepartmentRegisteredAfterAnAnswerOfUnknownIsFound() {
        assertThat(directory.isRegistered("NEW-WARD")).isFalse();

        // Appended straight to the store, as another process (or a restart) would.
        append("Department", "NEW-WARD", 0, new DepartmentRegistered("NEW-WARD", "新病区", "New ward", DepartmentKind.CLINICAL));

        assertThat(directory.isRegistered("NEW-WARD")).isTrue();
        assertThat(directory.acceptsNewCases("NEW-WARD")).isTrue();
    }

    @Test
    void aRetirementAppendedAfterTheDepartmentWasLastReadIsSeen() {
        append("Department", "CARDIOLOGY", 0, new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        assertThat(directory.acceptsNewCases("CARDIOLOGY")).isTrue();
        append("Department", "CARDIOLOGY", 1, new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-06"), 10, T));
        assertThat(directory.acceptsNewCases("CARDIOLOGY")).isTrue();

        append("Department", "CARDIOLOGY", 2, new DepartmentRetired("CARDIOLOGY", "Merged", T));

        assertThat(directory.acceptsNewCases("CARDIOLOGY")).isFalse();
        assertThat(directory.isRetired("CARDIOLOGY")).isTrue();
        assertThat(directory.isRegistered("CARDIOLOGY")).isTrue();
    }

    @Test
    void aDirectoryThatReadTheStreamBeforeAnswersLikeAFreshOne() {
        append("Department", "A", 0, new DepartmentRegistered("A", "甲", "A", DepartmentKind.CLINICAL));
        append("Department", "B", 0, new DepartmentRegistered("B", "乙", "B", DepartmentKind.CLINICAL));
        directory.acceptsNewCases("A");
        directory.acceptsNewCases("B");
        append("Department", "A", 1, new ServiceVolumeReported("A", Period.parse("2026-06"), 3, T));
        append("Department", "B", 1, new DepartmentRetired("B", "Closed", T));

        DepartmentDirectory fresh = new EventSourcedDepartmentDirectory(eventStore);
        for (String id : new String[] {"A", "B", "C"}) {
            assertThat(directory.isRegistered(id)).as(id).isEqualTo(fresh.isRegistered(id));
            assertThat(directory.isRetired(id)).as(id).isEqualTo(fresh.isRetired(id));
            assertThat(directory.acceptsNewCases(id)).as(id).isEqualTo(fresh.acceptsNewCases(id));
        }
    }
}
