package org.servicequality.ledger.query.ranking;

import org.axonframework.eventhandling.EventMessage;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.AwardIds;
import org.servicequality.ledger.api.award.ServiceStarAwarded;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.award.ServiceStarNominated;
import org.servicequality.ledger.api.award.ServiceStarRevoked;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReopened;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintWithdrawn;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.inspection.FindingAppealed;
import org.servicequality.ledger.api.inspection.FindingOverturned;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.FindingUpheld;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.api.staff.StaffRole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.servicequality.ledger.query.projection.ProjectionHarness.event;

/** Builds event histories for ranking tests; dates are Shanghai calendar days at 10:00 local time. */
final class RankingEvents {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CARDIOLOGY = "CARDIOLOGY";
    static final String PHARMACY = "PHARMACY";

    private final List<EventMessage<?>> events = new ArrayList<>();

    static Instant on(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    List<EventMessage<?>> events() {
        return List.copyOf(events);
    }

    private RankingEvents add(Object payload) {
        events.add(event(payload));
        return this;
    }

    RankingEvents departments() {
        add(new DepartmentRegistered(CARDIOLOGY, "心内科", "Cardiology", DepartmentKind.CLINICAL));
        return add(new DepartmentRegistered(PHARMACY, "药剂科", "Pharmacy", DepartmentKind.MEDICAL_TECHNICAL));
    }

    RankingEvents enrolled(String employeeNumber, String departmentId, StaffRole role, String date) {
        return add(new StaffMemberEnrolled(employeeNumber, departmentId, role, "Name of " + employeeNumber, on(date)));
    }

    RankingEvents transferred(String employeeNumber, String from, String to, StaffRole role, Instant at) {
        return add(new StaffMemberTransferred(employeeNumber, from, to, role, at));
    }

    RankingEvents commendationVerified(String commendationId, String employeeNumber, Instant receivedAt) {
        add(new CommendationReceived(commendationId, Channel.WEB, CARDIOLOGY, List.of(employeeNumber), "thank you", receivedAt));
        return add(new CommendationVerified(commendationId, CARDIOLOGY, List.of(employeeNumber), Channel.WEB, receivedAt, receivedAt.plusSeconds(3600)));
    }

    RankingEvents commendationRejected(String commendationId, String employeeNumber, Instant receivedAt) {
        add(new CommendationReceived(commendationId, Channel.WEB, CARDIOLOGY, List.of(employeeNumber), "thank you", receivedAt));
        return add(new CommendationRejected(commendationId, CARDIOLOGY, CommendationRejectionReason.UNVERIFIABLE, "no such visit", receivedAt.plusSeconds(3600)));
    }

    RankingEvents complaintFiled(String complaintId, String employeeNumber, Instant receivedAt) {
        return add(new ComplaintFiled(complaintId, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE, CARDIOLOGY,
                List.of(employeeNumber), "rude at the counter", "details", receivedAt, null, null, null));
    }

    RankingEvents suggestionFiled(String complaintId, String employeeNumber, Instant receivedAt) {
        return add(new ComplaintFiled(complaintId, Channel.WEB, FeedbackKind.SUGGESTION, Category.PROCESS, CARDIOLOGY,
                List.of(employeeNumber), "more chairs", "details", receivedAt, null, null, null));
    }

    RankingEvents resolved(String complaintId, ResolutionOutcome outcome, Instant at) {
        return add(new ComplaintResolved(complaintId, CARDIOLOGY, outcome, false, at));
    }

    RankingEvents reopened(String complaintId, Instant at) {
        return add(new ComplaintReopened(complaintId, CARDIOLOGY, "new evidence", at));
    }

    RankingEvents markedInvalid(String complaintId, Instant at) {
        return add(new ComplaintMarkedInvalid(complaintId, CARDIOLOGY, InvalidComplaintReason.MALICIOUS, "harassment", at));
    }

    RankingEvents withdrawn(String complaintId, Instant at) {
        return add(new ComplaintWithdrawn(complaintId, CARDIOLOGY, "sorted out", at));
    }

    RankingEvents followedUp(String complaintId, int score, Instant at) {
        return add(new SatisfactionFollowUpRecorded(complaintId, CARDIOLOGY, score, "ok", at));
    }

    RankingEvents finding(String findingId, String employeeNumber, boolean positive, Severity severity, Instant inspectedAt) {
        return add(new FindingRecorded("inspection-1", findingId, CARDIOLOGY, "服务忌语", severity, positive ? 0 : 2, positive,
                List.of(employeeNumber), "seen at the counter", inspectedAt));
    }

    RankingEvents upheld(String findingId, String employeeNumber, Severity severity, Instant inspectedAt) {
        add(new FindingAppealed("inspection-1", findingId, CARDIOLOGY, "we disagree", inspectedAt.plusSeconds(86_400)));
        return add(new FindingUpheld("inspection-1", findingId, CARDIOLOGY, severity, 2, List.of(employeeNumber), inspectedAt,
                "the video is clear", inspectedAt.plusSeconds(2 * 86_400)));
    }

    RankingEvents overturned(String findingId, Instant inspectedAt) {
        add(new FindingAppealed("inspection-1", findingId, CARDIOLOGY, "we disagree", inspectedAt.plusSeconds(86_400)));
        return add(new FindingOverturned("inspection-1", findingId, CARDIOLOGY, 2, inspectedAt, "wrong person", inspectedAt.plusSeconds(2 * 86_400)));
    }

    RankingEvents nominated(Period period, String employeeNumber, int skills, int performance, int environment,
                            int quality, int discipline, int publicEvaluation) {
        Map<ServiceStarCriterion, Integer> scores = new EnumMap<>(ServiceStarCriterion.class);
        scores.put(ServiceStarCriterion.SKILLS, skills);
        scores.put(ServiceStarCriterion.PERFORMANCE, performance);
        scores.put(ServiceStarCriterion.SERVICE_ENVIRONMENT, environment);
        scores.put(ServiceStarCriterion.SERVICE_QUALITY, quality);
        scores.put(ServiceStarCriterion.DISCIPLINE, discipline);
        scores.put(ServiceStarCriterion.PUBLIC_EVALUATION, publicEvaluation);
        return add(new ServiceStarNominated(AwardIds.serviceStarRound(period), period, employeeNumber, CARDIOLOGY, scores, on("2026-09-25")));
    }

    RankingEvents awarded(Period period, String employeeNumber) {
        return add(new ServiceStarAwarded(AwardIds.serviceStarRound(period), period, employeeNumber, CARDIOLOGY, on("2026-09-28")));
    }

    RankingEvents revoked(Period period, String employeeNumber) {
        return add(new ServiceStarRevoked(AwardIds.serviceStarRound(period), period, employeeNumber, CARDIOLOGY, "misconduct", on("2026-09-29")));
    }
}
