package org.servicequality.ledger.query.scorecard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.department.ServiceVolumeCorrected;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.query.projection.PendingReadModelWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * Department statistics per month, the basis of every scorecard figure (docs/scoring.md).
 *
 * <p>Complaint and suggestion figures belong to the month the item was filed (a cohort): its first
 * reply, first resolution, withdrawal and follow-ups count where its filing counted, so marking it
 * invalid later takes everything out of that one month. Findings count in the month of the inspection,
 * commendations in the month they were received, rectifications in the month they are due.
 */
@Component
@ProcessingGroup(DepartmentStatisticsProjection.PROCESSING_GROUP)
class DepartmentStatisticsProjection {

    static final String PROCESSING_GROUP = "department-statistics";

    private final MongoTemplate mongo;
    private final Clock organisationClock;

    DepartmentStatisticsProjection(MongoTemplate mongo, Clock organisationClock) {
        this.mongo = mongo;
        this.organisationClock = organisationClock;
    }

    @EventHandler
    void on(DepartmentRegistered event, @MessageIdentifier String eventId) {
        name(event.departmentId(), event.nameZh(), event.nameEn(), eventId);
    }

    @EventHandler
    void on(DepartmentRenamed event, @MessageIdentifier String eventId) {
        name(event.departmentId(), event.nameZh(), event.nameEn(), eventId);
    }

    @EventHandler
    void on(ServiceVolumeReported event, @MessageIdentifier String eventId) {
        recordVolume(event.departmentId(), event.period(), event.serviceContacts(), eventId);
    }

    @EventHandler
    void on(ServiceVolumeCorrected event, @MessageIdentifier String eventId) {
        recordVolume(event.departmentId(), event.period(), event.serviceContacts(), eventId);
    }

    @EventHandler
    void on(ComplaintFiled event, @MessageIdentifier String eventId) {
        ComplaintCase item = writes().load(ComplaintCase.class, event.complaintId(), () -> new ComplaintCase(event.complaintId()));
        if (item.departmentId == null) {
            item.departmentId = event.departmentId();
            item.month = monthOf(event.receivedAt());
            item.suggestion = event.kind() == FeedbackKind.SUGGESTION;
            item.category = event.category().name();
            item.channel = event.channel().name();
            item.receivedAtEpochSecond = event.receivedAt().getEpochSecond();
            item.replyDueByEpochSecond = event.replyDueBy().getEpochSecond();
            writes().changed(item);
        }
        updateMonth(item.departmentId, item.month, eventId, month -> month.figures.countFiled(item, +1));
    }

    @EventHandler
    void on(ComplaintReplied event, @MessageIdentifier String eventId) {
        withCase(event.complaintId(), item -> {
            if (item.firstReplyEventId == null && item.valid()) {
                item.firstReplyEventId = eventId;
                item.repliedOnTime = event.repliedAt().getEpochSecond() < item.replyDueByEpochSecond;
                item.replySeconds = Math.max(0, event.repliedAt().getEpochSecond() - item.receivedAtEpochSecond);
                writes().changed(item);
            }
            if (eventId.equals(item.firstReplyEventId)) {
                updateMonth(item, eventId, month -> month.figures.countReply(item, +1));
            }
        });
    }

    @EventHandler
    void on(ComplaintResolved event, @MessageIdentifier String eventId) {
        withCase(event.complaintId(), item -> {
            if (item.firstResolutionEventId == null && item.valid()) {
                item.firstResolutionEventId = eventId;
                item.outcome = event.outcome().name();
                writes().changed(item);
            }
            if (eventId.equals(item.firstResolutionEventId)) {
                updateMonth(item, eventId, month -> month.figures.countResolution(item, +1));
            }
        });
    }

    @EventHandler
    void on(ComplaintWithdrawn event, @MessageIdentifier String eventId) {
        withCase(event.complaintId(), item -> {
            if (item.withdrawalEventId == null && item.valid()) {
                item.withdrawalEventId = eventId;
                writes().changed(item);
            }
            if (eventId.equals(item.withdrawalEventId)) {
                updateMonth(item, eventId, month -> month.figures.countWithdrawal(+1));
            }
        });
    }

    @EventHandler
    void on(SatisfactionFollowUpRecorded event, @MessageIdentifier String eventId) {
        withCase(event.complaintId(), item -> {
            if (!item.followUpScores.containsKey(eventId) && item.valid()) {
                item.followUpScores.put(eventId, event.score());
                writes().changed(item);
            }
            if (item.followUpScores.containsKey(eventId)) {
                updateMonth(item, eventId, month -> month.figures.countFollowUp(event.score(), +1));
            }
        });
    }

    @EventHandler
    void on(ComplaintMarkedInvalid event, @MessageIdentifier String eventId) {
        withCase(event.complaintId(), item -> {
            if (item.valid()) {
                item.invalidationEventId = eventId;
                item.invalidReason = event.reasonCode().name();
                writes().changed(item);
            }
            if (eventId.equals(item.invalidationEventId)) {
                updateMonth(item, eventId, month -> {
                    item.contribute(month.figures, -1);
                    month.figures.countExclusion(item.invalidReason);
                });
            }
        });
    }

    @EventHandler
    void on(FindingRecorded event, @MessageIdentifier String eventId) {
        String id = FindingCase.idOf(event.inspectionId(), event.findingId());
        FindingCase finding = writes().load(FindingCase.class, id, () -> new FindingCase(id));
        if (finding.departmentId == null) {
            finding.departmentId = event.departmentId();
            finding.month = monthOf(event.inspectedAt());
            finding.severity = event.positive() || event.severity() == null ? null : event.severity().name();
            finding.points = event.pointsDeducted();
            finding.positive = event.positive();
            writes().changed(finding);
        }
        updateMonth(finding.departmentId, finding.month, eventId, month -> month.figures.countFinding(finding, +1));
    }

    @EventHandler
    void on(FindingOverturned event, @MessageIdentifier String eventId) {
        String id = FindingCase.idOf(event.inspectionId(), event.findingId());
        FindingCase finding = writes().load(FindingCase.class, id, () -> new FindingCase(id));
        if (finding.departmentId == null) {
            return;
        }
        if (finding.overturnEventId == null) {
            finding.overturnEventId = eventId;
            writes().changed(finding);
        }
        if (eventId.equals(finding.overturnEventId)) {
            updateMonth(finding.departmentId, finding.month, eventId, month -> month.figures.countFinding(finding, -1));
        }
    }

    @EventHandler
    void on(CommendationVerified event, @MessageIdentifier String eventId) {
        updateMonth(event.departmentId(), monthOf(event.receivedAt()), eventId, month -> month.figures.commendations++);
    }

    @EventHandler
    void on(RectificationOrdered event, @MessageIdentifier String eventId) {
        updateMonth(event.departmentId(), YearMonth.from(event.dueDate()).toString(), eventId,
                month -> month.figures.rectificationsDue++);
    }

    @EventHandler
    void on(RectificationVerified event, @MessageIdentifier String eventId) {
        if (event.onTime()) {
            updateMonth(event.departmentId(), YearMonth.from(dueDateOf(event.dueAt())).toString(), eventId,
                    month -> month.figures.rectificationsVerifiedOnTime++);
        }
    }

    @ResetHandler
    void reset() {
        for (Class<?> type : new Class<?>[]{DepartmentMonth.class, ComplaintCase.class, FindingCase.class,
                ReportedVolume.class, ScorecardDepartment.class}) {
            mongo.dropCollection(type);
        }
    }

    private void name(String departmentId, String nameZh, String nameEn, String eventId) {
        ScorecardDepartment department = writes().load(ScorecardDepartment.class, departmentId, () -> new ScorecardDepartment(departmentId));
        if (department.firstDelivery(eventId)) {
            department.nameZh = nameZh;
            department.nameEn = nameEn;
            writes().changed(department);
        }
    }

    /** The latest figure for a period wins; reports and corrections of one period come from one aggregate, in order. */
    private void recordVolume(String departmentId, Period period, long serviceContacts, String eventId) {
        if (period.kind() == Period.Kind.MONTH) {
            updateMonth(departmentId, period.toString(), eventId, month -> month.serviceContacts = serviceContacts);
            return;
        }
        String id = DepartmentMonth.idOf(departmentId, period.toString());
        ReportedVolume volume = writes().load(ReportedVolume.class, id, () -> new ReportedVolume(id));
        if (volume.firstDelivery(eventId)) {
            volume.serviceContacts = serviceContacts;
            writes().changed(volume);
        }
    }

    private void withCase(String complaintId, Consumer<ComplaintCase> change) {
        ComplaintCase item = writes().load(ComplaintCase.class, complaintId, () -> new ComplaintCase(complaintId));
        if (item.departmentId != null) {
            change.accept(item);
        }
    }

    private void updateMonth(ComplaintCase item, String eventId, Consumer<DepartmentMonth> change) {
        updateMonth(item.departmentId, item.month, eventId, change);
    }

    private void updateMonth(String departmentId, String month, String eventId, Consumer<DepartmentMonth> change) {
        PendingReadModelWrites writes = writes();
        DepartmentMonth document = writes.load(DepartmentMonth.class, DepartmentMonth.idOf(departmentId, month),
                () -> new DepartmentMonth(departmentId, month));
        if (document.firstDelivery(eventId)) {
            change.accept(document);
            writes.changed(document);
        }
    }

    private PendingReadModelWrites writes() {
        return PendingReadModelWrites.ofCurrentBatch(mongo);
    }

    private String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(organisationClock.getZone())).toString();
    }

    /** {@code dueAt} is the start of the day after the due date in the organisation's time zone. */
    private LocalDate dueDateOf(Instant dueAt) {
        return dueAt.minus(Duration.ofNanos(1)).atZone(organisationClock.getZone()).toLocalDate();
    }
}
