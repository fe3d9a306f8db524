package org.servicequality.ledger.query.board;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.query.projection.PendingReadModelWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * Builds the public board: per department, complaints filed, replied to and resolved, per month and in
 * total. A complaint counts in the month its filing, reply or resolution happened, in the
 * organisation's time zone.
 */
@Component
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
class BoardProjection {

    static final String PROCESSING_GROUP = "board";

    private final MongoTemplate mongo;
    private final Clock organisationClock;

    BoardProjection(MongoTemplate mongo, Clock organisationClock) {
        this.mongo = mongo;
        this.organisationClock = organisationClock;
    }

    @EventHandler
    void on(DepartmentRegistered event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry ->
                entry.describe(event.nameZh(), event.nameEn(), event.kind().name()));
    }

    @EventHandler
    void on(ComplaintFiled event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countFiled(monthOf(event.receivedAt())));
    }

    @EventHandler
    void on(ComplaintReplied event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countReplied(monthOf(event.repliedAt())));
    }

    @EventHandler
    void on(ComplaintResolved event, @MessageIdentifier String eventId) {
        update(event.departmentId(), eventId, entry -> entry.countResolved(monthOf(event.resolvedAt())));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DepartmentBoardEntry.class);
    }

    private void update(String departmentId, String eventId, Consumer<DepartmentBoardEntry> change) {
        PendingReadModelWrites writes = PendingReadModelWrites.ofCurrentBatch(mongo);
        DepartmentBoardEntry entry = writes.load(DepartmentBoardEntry.class, departmentId, () -> new DepartmentBoardEntry(departmentId));
        if (entry.firstDelivery(eventId)) {
            change.accept(entry);
            writes.changed(entry);
        }
    }

    private String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(organisationClock.getZone())).toString();
    }
}
