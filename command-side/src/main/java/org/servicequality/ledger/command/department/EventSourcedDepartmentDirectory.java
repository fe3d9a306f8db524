package org.servicequality.ledger.command.department;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.servicequality.ledger.api.department.DepartmentRegistered;
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
        var stream = eventStore.readEvents(departmentId);
        return stream.hasNext() && DepartmentRegistered.class.equals(stream.next().getPayloadType());
    }
}
