package org.servicequality.ledger.command.department;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.springframework.stereotype.Component;

/**
 * Reads the department's own event stream: the first event of a registered department's stream
 * is its registration, so no separate lookup table can drift from the history.
 */
@Component
class EventSourcedDepartmentDirectory implements DepartmentDirectory {

    private final EventStore eventStore;

    EventSourcedDepartmentDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRegistered(String departmentId) {
        DomainEventStream stream = eventStore.readEvents(departmentId);
        return stream.hasNext() && DepartmentRegistered.class.equals(stream.next().getPayloadType());
    }

    /**
     * Scans the stream's payload types only (payloads are deserialized lazily), so a department with
     * years of monthly volume reports stays cheap to check.
     */
    @Override
    public boolean isRetired(String departmentId) {
        return status(departmentId) == Status.RETIRED;
    }

    /** One pass over the stream instead of the two the interface's default would make. */
    @Override
    public boolean acceptsNewCases(String departmentId) {
        return status(departmentId) == Status.ACTIVE;
    }

    private enum Status { UNKNOWN, ACTIVE, RETIRED }

    private Status status(String departmentId) {
        DomainEventStream stream = eventStore.readEvents(departmentId);
        if (!stream.hasNext() || !DepartmentRegistered.class.equals(stream.next().getPayloadType())) {
            return Status.UNKNOWN;
        }
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (DepartmentRetired.class.equals(event.getPayloadType())) {
                return Status.RETIRED;
            }
        }
        return Status.ACTIVE;
    }
}
