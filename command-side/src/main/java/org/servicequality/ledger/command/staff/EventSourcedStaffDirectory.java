package org.servicequality.ledger.command.staff;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.servicequality.ledger.api.staff.StaffMemberIds;
import org.springframework.stereotype.Component;

/** The staff member's own stream is the register: it exists exactly when the number was enrolled. */
@Component
class EventSourcedStaffDirectory implements StaffDirectory {

    private final EventStore eventStore;

    EventSourcedStaffDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isEnrolled(String employeeNumber) {
        return eventStore.readEvents(StaffMemberIds.of(employeeNumber)).hasNext();
    }
}
