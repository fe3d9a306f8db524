package org.servicequality.ledger.ops.security;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintForwarded;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Which departments a case belongs to, read from its own events (from the first, past any snapshot): a complaint
 * belongs to the department it is about and to the one currently handling it (triage and forwarding move that);
 * a rectification and a commendation to their department; an inspection to its department, and a finding within it
 * to the finding's department. Unknown ids and other aggregates belong to no department.
 */
final class CaseDepartments {

    private final ObjectProvider<EventStore> events;

    CaseDepartments(ObjectProvider<EventStore> events) {
        this.events = events;
    }

    /** @param findingId narrows an inspection to one of its findings, or null */
    Set<String> of(String aggregateId, String findingId) {
        Set<String> departments = new HashSet<>();
        String handling = null;
        Iterator<? extends DomainEventMessage<?>> stream = events.getObject().readEvents(aggregateId, 0).asStream().iterator();
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof ComplaintFiled filed) {
                departments.add(filed.departmentId());
                handling = filed.departmentId();
            } else if (event instanceof ComplaintTriaged triaged) {
                handling = triaged.handlingDepartmentId();
            } else if (event instanceof ComplaintForwarded forwarded) {
                handling = forwarded.toDepartmentId();
            } else if (event instanceof RectificationOrdered ordered) {
                departments.add(ordered.departmentId());
            } else if (event instanceof CommendationReceived received) {
                departments.add(received.departmentId());
            } else if (event instanceof InspectionConducted conducted && findingId == null) {
                departments.add(conducted.departmentId());
            } else if (event instanceof FindingRecorded finding && (findingId == null || findingId.equals(finding.findingId()))) {
                departments.add(finding.departmentId());
            }
        }
        if (handling != null) {
            departments.add(handling);
        }
        return departments;
    }
}
