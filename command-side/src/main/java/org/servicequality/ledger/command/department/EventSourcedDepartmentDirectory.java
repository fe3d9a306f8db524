package org.servicequality.ledger.command.department;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the department's own event stream: the first event of a registered department's stream
 * is its registration, so no separate lookup table can drift from the history.
 *
 * <p>What a stream said is remembered with the sequence number it was read to, and a later question reads only the
 * events appended after it (usually none), whichever process appended them. Two answers never change and need no
 * read at all: a registered id stays registered (ids are never reused) and a retired department stays retired.
 */
@Component
class EventSourcedDepartmentDirectory implements DepartmentDirectory {

    private final EventStore eventStore;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    EventSourcedDepartmentDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRegistered(String departmentId) {
        Known before = known.get(departmentId);
        return before != null || status(departmentId) != Status.UNKNOWN;
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

    /** The status read up to event {@code lastSequenceNumber} of the department's stream. */
    private record Known(long lastSequenceNumber, Status status) {
    }

    private Status status(String departmentId) {
        Known before = known.get(departmentId);
        if (before != null && before.status() == Status.RETIRED) {
            return Status.RETIRED;
        }
        Known now = before == null ? readFromStart(departmentId) : readOn(departmentId, before);
        if (now != null) {
            known.merge(departmentId, now, (older, newer) -> newer.lastSequenceNumber() >= older.lastSequenceNumber() ? newer : older);
            return now.status();
        }
        return Status.UNKNOWN;
    }

    /** @return null for an id that is no department (unknown ids are not remembered: they may be registered later) */
    private Known readFromStart(String departmentId) {
        DomainEventStream stream = eventStore.readEvents(departmentId);
        if (!stream.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = stream.next();
        if (!DepartmentRegistered.class.equals(first.getPayloadType())) {
            return null;
        }
        return fold(stream, new Known(first.getSequenceNumber(), Status.ACTIVE));
    }

    private Known readOn(String departmentId, Known before) {
        return fold(eventStore.readEvents(departmentId, before.lastSequenceNumber() + 1), before);
    }

    private static Known fold(DomainEventStream stream, Known start) {
        Known known = start;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            known = new Known(event.getSequenceNumber(),
                    DepartmentRetired.class.equals(event.getPayloadType()) ? Status.RETIRED : known.status());
        }
        return known;
    }
}
