package org.servicequality.ledger.query.ranking;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.ServiceStarAwarded;
import org.servicequality.ledger.api.award.ServiceStarNominated;
import org.servicequality.ledger.api.award.ServiceStarRevoked;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReopened;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.ranking.StarStatus;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.query.projection.PendingReadModelWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the Service Star rankings. Facts are kept per staff member and month ({@link StaffMonth}),
 * item by item; a period's row for a person is recomputed from their months in the period whenever
 * one of them changes, so a quarter or a year is always the sum of its months.
 *
 * <p>Idempotent by construction rather than by remembering event ids: every handler sets state
 * (put or remove an item, set an outcome) and then recomputes what derives from it. Applying an event
 * again therefore changes nothing, and a batch whose bulk write reached only some collections before a
 * crash is repaired when it is delivered again: the derived documents are recomputed, not skipped.
 */
@Component
@ProcessingGroup(RankingProjection.PROCESSING_GROUP)
class RankingProjection {

    static final String PROCESSING_GROUP = "rankings";

    private final MongoTemplate mongo;
    private final ZoneId zone;

    RankingProjection(MongoTemplate mongo, Clock organisationClock) {
        this.mongo = mongo;
        this.zone = organisationClock.getZone();
    }

    @EventHandler
    void on(DepartmentRegistered event) {
        named(event.departmentId(), event.nameZh(), event.nameEn());
    }

    @EventHandler
    void on(DepartmentRenamed event) {
        named(event.departmentId(), event.nameZh(), event.nameEn());
    }

    @EventHandler
    void on(StaffMemberEnrolled event) {
        reassigned(event.employeeNumber(), staff -> staff.assigned(event.enrolledAt(), event.departmentId(), event.role()));
    }

    @EventHandler
    void on(StaffMemberTransferred event) {
        reassigned(event.employeeNumber(), staff -> staff.assigned(event.transferredAt(), event.toDepartmentId(), event.role()));
    }

    @EventHandler
    void on(CommendationVerified event) {
        String month = monthOf(event.receivedAt());
        for (String employeeNumber : event.employeeNumbers()) {
            changeMonth(employeeNumber, month, staffMonth -> staffMonth.commended(event.commendationId()));
        }
    }

    /** Suggestions are not complaints: they neither count against staff nor carry follow-ups into the ranking. */
    @EventHandler
    void on(ComplaintFiled event) {
        if (event.kind() == FeedbackKind.COMPLAINT && !event.employeeNumbers().isEmpty()) {
            RankedComplaint complaint = complaint(event.complaintId());
            complaint.filed(event.employeeNumbers(), monthOf(event.receivedAt()));
            writes().changed(complaint);
        }
    }

    @EventHandler
    void on(ComplaintResolved event) {
        changeComplaint(event.complaintId(), complaint -> complaint.resolved(event.outcome()));
    }

    @EventHandler
    void on(ComplaintReopened event) {
        changeComplaint(event.complaintId(), RankedComplaint::reopened);
    }

    @EventHandler
    void on(ComplaintWithdrawn event) {
        changeComplaint(event.complaintId(), RankedComplaint::exclude);
    }

    @EventHandler
    void on(ComplaintMarkedInvalid event) {
        changeComplaint(event.complaintId(), RankedComplaint::exclude);
    }

    @EventHandler
    void on(SatisfactionFollowUpRecorded event, @MessageIdentifier String eventId) {
        changeComplaint(event.complaintId(), complaint -> complaint.followedUp(eventId, event.score()));
    }

    @EventHandler
    void on(FindingRecorded event) {
        if (event.employeeNumbers().isEmpty()) {
            return;
        }
        RankedFinding finding = finding(event.findingId());
        finding.recorded(event.employeeNumbers(), monthOf(event.inspectedAt()), event.positive(), event.severity());
        writes().changed(finding);
        project(finding);
    }

    @EventHandler
    void on(FindingOverturned event) {
        RankedFinding finding = finding(event.findingId());
        if (finding.isRecorded()) {
            finding.overturned();
            writes().changed(finding);
            project(finding);
        }
    }

    @EventHandler
    void on(ServiceStarNominated event) {
        ServiceStarRankingDocument ranking = ranking(event.period());
        ranking.nominated(event.employeeNumber(), event.departmentId(), event.scores());
        RankedStaff staff = staff(event.employeeNumber());
        staff.nominatedIn(event.period().toString());
        writes().changed(staff);
        refresh(staff, event.period());
    }

    @EventHandler
    void on(ServiceStarAwarded event) {
        star(event.period(), event.employeeNumber(), StarStatus.AWARDED);
    }

    @EventHandler
    void on(ServiceStarRevoked event) {
        star(event.period(), event.employeeNumber(), StarStatus.REVOKED);
    }

    @ResetHandler
    void reset() {
        for (Class<?> type : List.of(ServiceStarRankingDocument.class, StaffMonth.class, RankedStaff.class,
                RankedComplaint.class, RankedFinding.class, RankedDepartments.class)) {
            mongo.dropCollection(type);
        }
    }

    private void named(String departmentId, String nameZh, String nameEn) {
        RankedDepartments departments = writes().load(RankedDepartments.class, RankedDepartments.ID, RankedDepartments::new);
        departments.named(departmentId, nameZh, nameEn);
        writes().changed(departments);
    }

    /** Moves the person's rows in every period they are ranked in to the department they were in at its end. */
    private void reassigned(String employeeNumber, Consumer<RankedStaff> change) {
        RankedStaff staff = staff(employeeNumber);
        change.accept(staff);
        writes().changed(staff);
        staff.getMonths().stream()
                .flatMap(month -> periodsOf(month).stream())
                .distinct()
                .forEach(period -> refresh(staff, period));
        staff.getRoundPeriods().forEach(period -> refresh(staff, Period.parse(period)));
    }

    private void changeComplaint(String complaintId, Consumer<RankedComplaint> change) {
        RankedComplaint complaint = complaint(complaintId);
        if (!complaint.isFiled()) {
            // A suggestion, or a complaint naming nobody: nothing about it is ranked.
            return;
        }
        change.accept(complaint);
        writes().changed(complaint);
        StaffMonth.ComplaintEntry contribution = complaint.contribution();
        for (String employeeNumber : complaint.getEmployeeNumbers()) {
            changeMonth(employeeNumber, complaint.getMonth(), month -> month.complaint(complaintId, contribution));
        }
    }

    private void project(RankedFinding finding) {
        StaffMonth.FindingEntry contribution = finding.contribution();
        for (String employeeNumber : finding.getEmployeeNumbers()) {
            changeMonth(employeeNumber, finding.getMonth(), month -> month.finding(finding.getId(), contribution));
        }
    }

    private void changeMonth(String employeeNumber, String month, Consumer<StaffMonth> change) {
        String id = StaffMonth.id(employeeNumber, month);
        StaffMonth staffMonth = writes().load(StaffMonth.class, id, () -> new StaffMonth(id));
        change.accept(staffMonth);
        writes().changed(staffMonth);
        RankedStaff staff = staff(employeeNumber);
        if (staff.hasFactsIn(month)) {
            // Written only when its months change: a person named in every batch no longer rewrites it every batch.
            writes().changed(staff);
        }
        periodsOf(month).forEach(period -> refresh(staff, period));
    }

    private void star(Period period, String employeeNumber, StarStatus status) {
        ranking(period).star(employeeNumber, status);
        refresh(staff(employeeNumber), period);
    }

    /** Recomputes one person's row in one period from their months in it, their nomination and their assignment. */
    private void refresh(RankedStaff staff, Period period) {
        String employeeNumber = staff.getId();
        ServiceStarRankingDocument ranking = ranking(period);
        RankedRow row = new RankedRow(employeeNumber);
        for (String month : staff.getMonths()) {
            if (period.contains(YearMonth.parse(month).atDay(1))) {
                String id = StaffMonth.id(employeeNumber, month);
                row.add(writes().load(StaffMonth.class, id, () -> new StaffMonth(id)));
            }
        }
        ranking.nominee(employeeNumber).ifPresent(row::nominated);
        Instant end = period.endExclusive().atStartOfDay(zone).toInstant();
        staff.assignmentBefore(end).ifPresentOrElse(
                assignment -> row.placeIn(assignment.departmentId, assignment.role),
                () -> ranking.nominee(employeeNumber).ifPresent(nominee -> row.placeIn(nominee.departmentId, null)));
        ranking.replaceRow(employeeNumber, row);
        writes().changed(ranking);
    }

    private static List<Period> periodsOf(String month) {
        return RankingPeriods.containing(YearMonth.parse(month));
    }

    private String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone)).toString();
    }

    private PendingReadModelWrites writes() {
        return PendingReadModelWrites.ofCurrentBatch(mongo);
    }

    private RankedComplaint complaint(String complaintId) {
        return writes().load(RankedComplaint.class, complaintId, () -> new RankedComplaint(complaintId));
    }

    private RankedFinding finding(String findingId) {
        return writes().load(RankedFinding.class, findingId, () -> new RankedFinding(findingId));
    }

    private RankedStaff staff(String employeeNumber) {
        return writes().load(RankedStaff.class, employeeNumber, () -> new RankedStaff(employeeNumber));
    }

    private ServiceStarRankingDocument ranking(Period period) {
        String id = ServiceStarRankingDocument.id(period);
        return writes().load(ServiceStarRankingDocument.class, id, () -> new ServiceStarRankingDocument(period));
    }
}
