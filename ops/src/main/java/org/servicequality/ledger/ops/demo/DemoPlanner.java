package org.servicequality.ledger.ops.demo;

import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.award.StarRatingCriterion;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.command.calendar.WorkingDayCalendar;
import org.servicequality.ledger.ops.demo.DemoCatalogue.DepartmentSpec;
import org.servicequality.ledger.ops.demo.DemoPlan.Now;
import org.servicequality.ledger.ops.demo.DemoPlan.Phase;
import org.servicequality.ledger.ops.demo.DemoPlan.Ref;
import org.servicequality.ledger.ops.demo.DemoPlan.Step;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the options, the seed and today's date into a {@link DemoPlan}. All times lie before the start
 * of today in the organisation's zone (so a rerun the same day plans the very same requests) and follow
 * each rule of the domain: receipt before reply before resolution before follow-up, circulation before
 * appeal before decision, evidence before verification, and no Service Star for anyone the eligibility
 * rule excludes.
 */
final class DemoPlanner {

    private static final Duration MARGIN = Duration.ofMinutes(10);

    private final DemoOptions options;
    private final ZoneId zone;
    private final LocalDate today;
    private final LocalDate firstDay;
    private final Instant limit;
    private final WorkingDayCalendar calendar;
    private final int replyWithinWorkingDays;
    private final Random random;
    private final String keyPrefix;

    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private final List<Staff> staff = new ArrayList<>();
    private final Map<String, List<Staff>> staffByDepartment = new HashMap<>();
    private final Set<String> leavers = new HashSet<>();
    /** Employee number to the days of complaints and findings that bar them from a Service Star for that period. */
    private final Map<String, List<LocalDate>> disqualifyingDays = new HashMap<>();
    private final Map<String, Double> departmentQuality = new HashMap<>();
    private int rectifications;
    private int appeals;

    /*
     * The first cases are the oldest, so every step of theirs lies in the past: they are given the rarer fates,
     * so that even a small demo shows each of them.
     */
    private static final int WITHDRAWN = 0;
    private static final int MARKED_INVALID_WHILE_OPEN = 1;
    private static final int REPLIED_LATE = 2;
    private static final int REOPENED = 3;
    private static final int MARKED_INVALID_AFTER_RESOLUTION = 4;
    private static final int ERASED = 5;
    private static final int ASSISTED = 6;
    private static final int FORWARDED = 7;
    private static final int ESCALATED = 8;
    private static final int FIRST_CASES_WITH_SET_FATES = 9;

    private record Staff(String employeeNumber, String departmentId, StaffRole role, String displayName) {
    }

    DemoPlanner(DemoOptions options, ZoneId zone, LocalDate today, WorkingDayCalendar calendar, int replyWithinWorkingDays) {
        this.options = options;
        this.zone = zone;
        this.today = today;
        this.firstDay = today.minusMonths(options.months());
        this.limit = today.atStartOfDay(zone).toInstant().minus(MARGIN);
        this.calendar = calendar;
        this.replyWithinWorkingDays = replyWithinWorkingDays;
        this.random = new Random(options.seed());
        this.keyPrefix = "demo-" + options.seed() + "-";
    }

    DemoPlan plan() {
        organisation();
        staff();
        history();
        today();
        awards();
        return new DemoPlan(steps, sizes);
    }

    // ---------------------------------------------------------------- organisation

    private void organisation() {
        for (DepartmentSpec department : DemoCatalogue.DEPARTMENTS) {
            String id = department.id();
            departmentQuality.put(id, random.nextDouble());
            add(Phase.ORGANISATION, "department-" + id, "department.register", "/api/departments",
                    body("departmentId", id, "nameZh", department.nameZh(), "nameEn", department.nameEn(), "kind", department.kind()));
            int commitments = 2 + random.nextInt(2);
            for (int c = 0; c < commitments; c++) {
                String[] text = DemoCatalogue.COMMITMENTS.get((c + id.length()) % DemoCatalogue.COMMITMENTS.size());
                add(Phase.ORGANISATION, "department-" + id + "-commitment-" + c, "department.commitment",
                        "/api/departments/" + id + "/commitments", body("textZh", text[0], "textEn", text[1]),
                        Map.of("commitmentId", "commitment-" + id + "-" + c));
            }
            add(Phase.ORGANISATION, "department-" + id + "-phrases-1", "department.phrase-standard",
                    "/api/departments/" + id + "/phrase-standard",
                    body("courteousPhrases", pick(DemoCatalogue.COURTEOUS_PHRASES, 4 + random.nextInt(3)),
                            "forbiddenPhrases", pick(DemoCatalogue.FORBIDDEN_PHRASES, 3 + random.nextInt(3))));
            serviceVolumes(department);
        }
        // A second edition of a phrase standard, so standards show a version history.
        add(Phase.ORGANISATION, "department-REGISTRATION-BILLING-phrases-2", "department.phrase-standard",
                "/api/departments/REGISTRATION-BILLING/phrase-standard",
                body("courteousPhrases", DemoCatalogue.COURTEOUS_PHRASES, "forbiddenPhrases", DemoCatalogue.FORBIDDEN_PHRASES));
        sizes.put("departments", DemoCatalogue.DEPARTMENTS.size());
    }

    /** Months of the window, their quarters and years; each figure is the sum of its months. */
    private void serviceVolumes(DepartmentSpec department) {
        Map<YearMonth, Long> monthly = new TreeMap<>();
        YearMonth first = YearMonth.from(firstDay).minusMonths(YearMonth.from(firstDay).getMonthValue() - 1L);
        for (YearMonth month = first; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            double season = 1 + 0.12 * Math.cos((month.getMonthValue() - 1) * Math.PI / 6);
            double elapsed = month.equals(YearMonth.from(today)) ? (today.getDayOfMonth() - 1) / (double) month.lengthOfMonth() : 1;
            monthly.put(month, Math.round(department.contacts() * season * (0.92 + 0.16 * random.nextDouble()) * elapsed));
        }
        int index = 0;
        Map<String, Long> quarters = new TreeMap<>();
        Map<String, Long> years = new TreeMap<>();
        for (Map.Entry<YearMonth, Long> entry : monthly.entrySet()) {
            YearMonth month = entry.getKey();
            quarters.merge(month.getYear() + "-Q" + month.get(IsoFields.QUARTER_OF_YEAR), entry.getValue(), Long::sum);
            years.merge(String.valueOf(month.getYear()), entry.getValue(), Long::sum);
            if (!month.isBefore(YearMonth.from(firstDay))) {
                volume(department.id(), index++, month.toString(), entry.getValue());
            }
        }
        String firstQuarter = firstDay.getYear() + "-Q" + firstDay.get(IsoFields.QUARTER_OF_YEAR);
        for (Map.Entry<String, Long> quarter : quarters.entrySet()) {
            if (quarter.getKey().compareTo(firstQuarter) >= 0) {
                volume(department.id(), index++, quarter.getKey(), quarter.getValue());
            }
        }
        for (Map.Entry<String, Long> year : years.entrySet()) {
            volume(department.id(), index++, year.getKey(), year.getValue());
        }
        if (department.id().equals("PHARMACY")) {
            // A figure corrected after it was reported: the ledger keeps both.
            YearMonth corrected = YearMonth.from(firstDay).plusMonths(1);
            add(Phase.ORGANISATION, "volume-" + department.id() + "-correction", "department.service-volume-correction",
                    "/api/departments/" + department.id() + "/service-volume",
                    body("period", corrected.toString(), "serviceContacts", Math.round(monthly.get(corrected) * 1.04)));
        }
    }

    private void volume(String departmentId, int index, String period, long contacts) {
        add(Phase.ORGANISATION, "volume-" + departmentId + "-" + index, "department.service-volume",
                "/api/departments/" + departmentId + "/service-volume", body("period", period, "serviceContacts", contacts));
    }

    // ---------------------------------------------------------------- staff

    private void staff() {
        List<DepartmentSpec> departments = DemoCatalogue.DEPARTMENTS;
        int totalWeight = departments.stream().mapToInt(DepartmentSpec::weight).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DepartmentSpec department : departments) {
            counts.put(department.id(), Math.max(3, options.staff() * department.weight() / totalWeight));
        }
        List<DepartmentSpec> byWeight = departments.stream().sorted(Comparator.comparingInt(DepartmentSpec::weight).reversed()).toList();
        for (int i = 0; counts.values().stream().mapToInt(Integer::intValue).sum() < options.staff(); i++) {
            counts.merge(byWeight.get(i % byWeight.size()).id(), 1, Integer::sum);
        }
        int number = 10_001;
        for (DepartmentSpec department : departments) {
            for (int i = 0; i < counts.get(department.id()); i++) {
                StaffRole role = department.roles().get(i % department.roles().size());
                String name = DemoCatalogue.SURNAMES.get(random.nextInt(DemoCatalogue.SURNAMES.size()))
                        + DemoCatalogue.GIVEN_NAMES.get(random.nextInt(DemoCatalogue.GIVEN_NAMES.size()));
                Staff member = new Staff("E" + number++, department.id(), role, name);
                staff.add(member);
                staffByDepartment.computeIfAbsent(department.id(), d -> new ArrayList<>()).add(member);
                add(Phase.STAFF, "staff-" + member.employeeNumber(), "staff.enrol", "/api/staff",
                        body("employeeNumber", member.employeeNumber(), "departmentId", member.departmentId(),
                                "role", member.role(), "displayName", member.displayName()));
            }
        }
        sizes.put("staff", staff.size());
    }

    // ---------------------------------------------------------------- history

    private void history() {
        int cases = 0;
        int commendations = 0;
        int inspections = 0;
        int findings = 0;
        for (YearMonth month = YearMonth.from(firstDay); !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(firstDay) ? firstDay : month.atDay(1);
            LocalDate to = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today.minusDays(1);
            if (to.isBefore(from)) {
                continue;
            }
            double share = (to.toEpochDay() - from.toEpochDay() + 1) / (double) month.lengthOfMonth();
            double season = 1 + 0.15 * Math.cos((month.getMonthValue() - 1) * Math.PI / 6);
            int monthCases = (int) Math.round(options.casesPerMonth() * season * share);
            for (int i = 0; i < monthCases; i++) {
                complaint(cases++, randomDay(from, to));
            }
            int monthPraise = (int) Math.round(options.casesPerMonth() * 0.6 * share);
            for (int i = 0; i < monthPraise; i++) {
                commendation(commendations++, randomDay(from, to));
            }
            int monthInspections = Math.max(1, (int) Math.round(options.casesPerMonth() * 0.2 * share));
            for (int i = 0; i < monthInspections; i++) {
                findings += inspection(inspections++, randomWorkingDay(from, to));
            }
        }
        sizes.put("complaints and suggestions", cases);
        sizes.put("commendations", commendations);
        sizes.put("inspections", inspections);
        sizes.put("findings", findings);
    }

    private void complaint(int index, LocalDate day) {
        String ref = "case-" + index;
        String key = "case-" + index + "-";
        String path = "/api/complaints/{" + ref + "}";
        DepartmentSpec department = weightedDepartment();
        Instant received = at(day, LocalTime.of(7, 30).plusMinutes(random.nextInt(13 * 60)));
        boolean suggestion = random.nextDouble() < 0.18 && index >= FIRST_CASES_WITH_SET_FATES;
        FeedbackKind kind = suggestion ? FeedbackKind.SUGGESTION : FeedbackKind.COMPLAINT;
        Channel channel = index < Channel.values().length ? Channel.values()[index] : oneOf(Channel.values());
        Category category = index < Category.values().length ? Category.values()[index] : oneOf(Category.values());
        String[] text = suggestion ? oneOf(DemoCatalogue.SUGGESTIONS) : oneOf(DemoCatalogue.COMPLAINTS.get(category));
        List<String> employees = suggestion ? List.of() : namedStaff(department.id(), 0.65, 0.08);
        Map<String, Object> filing = body("channel", channel, "kind", kind, "category", category,
                "departmentId", department.id(), "employeeNumbers", employees, "summary", text[0], "details", text[1],
                "receivedAt", received);
        boolean withContact = chance(0.7, index == ERASED);
        if (withContact) {
            String surname = oneOf(DemoCatalogue.SURNAMES);
            filing.put("complainantContact", body("name", surname + (random.nextBoolean() ? "先生" : "女士"),
                    "phone", String.format("1%02d %04d %04d", 30 + random.nextInt(60), random.nextInt(10_000), random.nextInt(10_000))));
        }
        add(Phase.HISTORY, key + "file", "complaint.file", "/api/complaints", filing, Map.of("complaintId", ref));

        double fate = switch (index) {
            case WITHDRAWN -> 0.01;
            case MARKED_INVALID_WHILE_OPEN -> 0.035;
            case REOPENED -> 0.96;
            case MARKED_INVALID_AFTER_RESOLUTION -> 0.99;
            default -> random.nextDouble();
        };
        Severity severity = null;
        String handling = department.id();
        if (random.nextDouble() < 0.85) {
            Category triaged = random.nextDouble() < 0.1 ? oneOf(Category.values()) : category;
            double s = random.nextDouble();
            severity = suggestion || s < 0.6 ? Severity.MINOR : s < 0.92 ? Severity.MAJOR : Severity.SERIOUS;
            if (random.nextDouble() < 0.05) {
                handling = otherDepartment(department.id());
            }
            add(Phase.HISTORY, key + "triage", "complaint.triage", path + "/triage",
                    body("category", triaged, "severity", severity, "handlingDepartmentId", handling));
        }
        if (chance(0.06, index == ASSISTED)) {
            add(Phase.HISTORY, key + "assistance", "complaint.assistance", path + "/assistance-requests",
                    body("assistingDepartmentId", otherDepartment(handling), "request", "请协助核实相关情况并提供处理意见。"));
        }
        if (chance(0.04, index == FORWARDED)) {
            String to = otherDepartment(handling);
            add(Phase.HISTORY, key + "forward", "complaint.forward", path + "/forward",
                    body("toDepartmentId", to, "reason", "该事项属于" + departmentName(to) + "职责范围，转交办理。"));
            handling = to;
        }
        if (chance(severity == Severity.SERIOUS ? 0.5 : 0.02, index == ESCALATED)) {
            add(Phase.HISTORY, key + "escalate", "complaint.escalate", path + "/escalate",
                    body("reason", "情节较重，上报院领导督办。"));
        }
        if (fate < 0.03) {
            add(Phase.HISTORY, key + "withdraw", "complaint.withdraw", path + "/withdraw",
                    body("reason", "投诉人来电表示问题已自行解决，撤回投诉。"));
            return;
        }
        if (fate < 0.04) {
            markInvalid(key, path, Phase.HISTORY);
            return;
        }

        Instant expiry = calendar.expiry(received, replyWithinWorkingDays, zone);
        boolean late = chance(0.12, index == REPLIED_LATE);
        Instant replied;
        Phase phase;
        if (late) {
            replied = expiry.plus(hours(2, 6 * 24));
            phase = Phase.LATE;
        } else {
            replied = received.plus(hours(1, 30));
            if (!replied.isBefore(expiry)) {
                replied = expiry.minus(Duration.ofMinutes(30));
            }
            phase = Phase.HISTORY;
            if (day.isAfter(today.minusDays(3)) && random.nextBoolean()) {
                return; // received in the last days: still awaiting its reply
            }
        }
        if (replied.isAfter(limit)) {
            return;
        }
        add(phase, key + "reply", "complaint.reply", path + "/reply",
                body("text", oneOf(DemoCatalogue.REPLIES), "repliedAt", replied));

        Instant resolved = replied.plus(hours(2, 8 * 24));
        ResolutionOutcome outcome = null;
        if (chance(0.88, index < FIRST_CASES_WITH_SET_FATES) && !resolved.isAfter(limit)) {
            double o = random.nextDouble();
            outcome = suggestion ? ResolutionOutcome.NOT_SUBSTANTIATED
                    : o < 0.35 ? ResolutionOutcome.SUBSTANTIATED : o < 0.6 ? ResolutionOutcome.PARTLY_SUBSTANTIATED : ResolutionOutcome.NOT_SUBSTANTIATED;
            boolean rectify = outcome != ResolutionOutcome.NOT_SUBSTANTIATED && random.nextDouble() < 0.35;
            add(phase, key + "resolve", "complaint.resolve", path + "/resolve",
                    body("outcome", outcome, "rectificationRequired", rectify, "resolvedAt", resolved));
            if (severity == Severity.SERIOUS && outcome != ResolutionOutcome.NOT_SUBSTANTIATED) {
                employees.forEach(number -> disqualifyingDays.computeIfAbsent(number, n -> new ArrayList<>()).add(received.atZone(zone).toLocalDate()));
            }
            if (rectify) {
                rectification(body("kind", "COMPLAINT", "complaintId", new Ref(ref)), handling,
                        resolved.plus(hours(1, 48)), phase);
            }
        }
        Instant followedUp = replied.plus(hours(24, 14 * 24));
        if (chance(0.55, index == REPLIED_LATE) && !followedUp.isAfter(limit)) {
            int score = late ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
            add(phase, key + "follow-up", "complaint.follow-up", path + "/satisfaction-follow-up",
                    body("score", score, "comment", DemoCatalogue.FOLLOW_UP_COMMENTS.get(5 - score), "followedUpAt", followedUp));
        }
        if (outcome != null && fate > 0.985) {
            markInvalid(key, path, phase);
        } else if (outcome != null && !suggestion && fate > 0.955) {
            add(Phase.TODAY, key + "reopen", "complaint.reopen", path + "/reopen",
                    body("reason", "投诉人对处理结果有异议，重新调查。"));
            add(Phase.TODAY, key + "reply-2", "complaint.reply", path + "/reply",
                    body("text", "您好，经重新调查，我们补充说明如下，并再次致歉。", "repliedAt", Now.INSTANT));
            add(Phase.TODAY, key + "resolve-2", "complaint.resolve", path + "/resolve",
                    body("outcome", outcome, "rectificationRequired", false, "resolvedAt", Now.INSTANT));
        }
        if (withContact && chance(0.02, index == ERASED)) {
            add(Phase.TODAY, key + "erase", "complaint.erase-personal-data", path + "/erase-personal-data",
                    body("requestedBy", "质量管理办公室", "reason", "投诉人申请删除个人联系信息。"));
        }
    }

    private void markInvalid(String key, String path, Phase phase) {
        InvalidComplaintReason reason = oneOf(InvalidComplaintReason.values());
        add(phase, key + "mark-invalid", "complaint.mark-invalid", path + "/mark-invalid",
                body("reasonCode", reason, "note", switch (reason) {
                    case MALICIOUS -> "经核实为恶意投诉。";
                    case MISTAKEN -> "投诉人误将其他医院的经历反映至本院。";
                    case DUPLICATE -> "与已登记的同一事项重复。";
                }));
    }

    private void commendation(int index, LocalDate day) {
        String ref = "praise-" + index;
        DepartmentSpec department = weightedDepartment();
        Instant received = at(day, LocalTime.of(8, 0).plusMinutes(random.nextInt(12 * 60)));
        Channel channel = index < Channel.values().length ? Channel.values()[index] : oneOf(Channel.values());
        List<String> employees = namedStaff(department.id(), 0.6, 0.2);
        String template = oneOf(DemoCatalogue.PRAISE);
        String text = String.format(template, template.startsWith("Thank you") ? department.nameEn() : department.nameZh());
        add(Phase.HISTORY, "praise-" + index + "-receive", "commendation.receive", "/api/commendations",
                body("channel", channel, "departmentId", department.id(), "employeeNumbers", employees, "text", text,
                        "receivedAt", received), Map.of("commendationId", ref));
        double decision = index == 1 ? 0.9 : random.nextDouble(); // the second one is rejected
        if (day.isAfter(today.minusDays(5)) && decision < 0.5 || decision > 0.94) {
            return; // not yet decided
        }
        if (decision < 0.85) {
            add(Phase.HISTORY, "praise-" + index + "-verify", "commendation.verify", "/api/commendations/{" + ref + "}/verify", null);
        } else {
            CommendationRejectionReason reason = oneOf(CommendationRejectionReason.values());
            add(Phase.HISTORY, "praise-" + index + "-reject", "commendation.reject", "/api/commendations/{" + ref + "}/reject",
                    body("reasonCode", reason, "reasonText", "核实后不予采信：" + reason.name().toLowerCase().replace('_', ' ') + "。"));
        }
    }

    /** @return the number of findings recorded */
    private int inspection(int index, LocalDate day) {
        String ref = "inspection-" + index;
        String key = "inspection-" + index + "-";
        String path = "/api/inspections/{" + ref + "}";
        InspectionMethod method = index < InspectionMethod.values().length ? InspectionMethod.values()[index] : oneOf(InspectionMethod.values());
        DepartmentSpec department = oneOf(DemoCatalogue.DEPARTMENTS);
        Instant conducted = at(day, LocalTime.of(9, 0).plusMinutes(random.nextInt(8 * 60)));
        add(Phase.HISTORY, key + "conduct", "inspection.conduct", "/api/inspections",
                body("method", method, "departmentId", department.id(), "inspector", inspector(method), "conductedAt", conducted),
                Map.of("inspectionId", ref));
        int count = 1 + random.nextInt(3);
        List<Finding> findings = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            String findingRef = ref + "-finding-" + f;
            boolean positive = random.nextDouble() < 0.25;
            List<String> employees = namedStaff(department.id(), 0.6, 0);
            Map<String, Object> finding;
            Severity severity = null;
            if (positive) {
                finding = body("standardClause", oneOf(DemoCatalogue.POSITIVE_CLAUSES), "pointsDeducted", 0, "positive", true,
                        "employeeNumbers", employees, "description", "检查中发现的良好做法，予以通报表扬。");
            } else {
                double s = random.nextDouble();
                severity = s < 0.55 ? Severity.MINOR : s < 0.88 ? Severity.MAJOR : Severity.SERIOUS;
                int points = switch (severity) {
                    case MINOR -> 1 + random.nextInt(2);
                    case MAJOR -> 3 + random.nextInt(3);
                    case SERIOUS -> 8 + random.nextInt(3);
                };
                finding = body("standardClause", oneOf(DemoCatalogue.SHORTCOMING_CLAUSES), "severity", severity,
                        "pointsDeducted", points, "positive", false, "employeeNumbers", employees,
                        "description", "检查时发现上述问题，已现场指出。");
            }
            add(Phase.HISTORY, key + "finding-" + f, "inspection.finding", path + "/findings", finding, Map.of("findingId", findingRef));
            findings.add(new Finding(findingRef, severity, employees));
        }
        Instant circulated = conducted.plus(hours(24, 5 * 24));
        if (random.nextDouble() > 0.92 || circulated.isAfter(limit)) {
            return count;
        }
        add(Phase.HISTORY, key + "circulate", "inspection.circulate", path + "/circulate", body("circulatedAt", circulated));
        // At most one appeal per inspection: the Inspection aggregate applies a finding's appeal events to all of its
        // findings (its @AggregateMember forwards every event), so a second appeal in one inspection is refused.
        boolean oneAppealed = false;
        for (Finding finding : findings) {
            if (finding.severity() == null) {
                continue;
            }
            String findingPath = path + "/findings/{" + finding.ref() + "}";
            Instant last = circulated;
            boolean overturned = false;
            if (chance(0.18, appeals == 0) && !oneAppealed && !circulated.plus(Duration.ofDays(8)).isAfter(limit)) {
                oneAppealed = true;
                Instant appealed = circulated.plus(hours(24, 7 * 24));
                add(Phase.HISTORY, key + finding.ref() + "-appeal", "inspection.appeal", findingPath + "/appeal",
                        body("reply", "科室认为当时系特殊情况，申请复核。", "appealedAt", appealed));
                last = appealed;
                Instant decided = appealed.plus(hours(48, 10 * 24));
                if (chance(0.85, appeals == 0) && !decided.isAfter(limit)) {
                    overturned = appeals++ % 2 == 1; // appeals alternate: upheld, overturned, upheld, ...
                    add(Phase.HISTORY, key + finding.ref() + (overturned ? "-overturn" : "-uphold"),
                            overturned ? "inspection.overturn" : "inspection.uphold",
                            findingPath + (overturned ? "/overturn" : "/uphold"),
                            body("reason", overturned ? "经复核视频资料，情况属实，撤销该项扣分。" : "经复核，原检查结论成立。", "decidedAt", decided));
                    last = decided;
                    if (!overturned && finding.severity() == Severity.SERIOUS) {
                        finding.employees().forEach(number -> disqualifyingDays.computeIfAbsent(number, n -> new ArrayList<>()).add(day));
                    }
                }
            }
            double rectify = finding.severity() == Severity.MINOR ? 0.1 : 0.6;
            if (!overturned && random.nextDouble() < rectify) {
                rectification(body("kind", "FINDING", "inspectionId", new Ref(ref), "findingId", new Ref(finding.ref())),
                        department.id(), last.plus(hours(1, 72)), Phase.HISTORY);
            }
        }
        return count;
    }

    private record Finding(String ref, Severity severity, List<String> employees) {
    }

    private void rectification(Map<String, Object> source, String departmentId, Instant ordered, Phase earliest) {
        if (ordered.isAfter(limit)) {
            return;
        }
        int index = rectifications++;
        String ref = "rectification-" + index;
        String key = "rectification-" + index + "-";
        String path = "/api/rectifications/{" + ref + "}";
        LocalDate dueDate = ordered.atZone(zone).toLocalDate().plusDays(7 + random.nextInt(14));
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
        add(earliest, key + "order", "rectification.order", "/api/rectifications",
                body("source", source, "departmentId", departmentId, "requiredAction", "针对问题制定整改措施，开展全员服务规范培训并落实到岗。",
                        "dueDate", dueDate, "orderedAt", ordered), Map.of("rectificationId", ref));
        String submitter = staffOf(departmentId).employeeNumber();
        String verifier = staffOf(DemoCatalogue.QUALITY_OFFICE).employeeNumber();
        while (verifier.equals(submitter) && staffByDepartment.get(DemoCatalogue.QUALITY_OFFICE).size() > 1) {
            verifier = staffOf(DemoCatalogue.QUALITY_OFFICE).employeeNumber();
        }
        Duration span = Duration.between(ordered, dueAt);
        double fate = switch (index) {
            case 0 -> 0.05; // evidence rejected, then verified
            case 1 -> 0.75; // verified after its due date
            case 2 -> 0.95; // left open past its due date
            default -> random.nextDouble();
        };
        Instant last = ordered;
        if (random.nextDouble() < 0.3) {
            last = ordered.plus(span.dividedBy(3));
            if (!step(earliest, dueAt, key + "progress", "rectification.progress", path + "/progress",
                    body("note", "已组织科室学习服务规范，整改进行中。", "reportedAt", last))) {
                return;
            }
        }
        if (fate < 0.13) {
            Instant first = last.plus(span.dividedBy(4));
            if (!step(earliest, dueAt, key + "evidence-1", "rectification.evidence", path + "/evidence",
                    body("submittedBy", submitter, "evidence", "培训签到表。", "submittedAt", first))) {
                return;
            }
            last = first.plus(Duration.ofHours(20));
            if (!step(earliest, dueAt, key + "reject", "rectification.reject-evidence", path + "/reject-evidence",
                    body("rejectedBy", verifier, "reason", "仅有签到表，缺少整改前后对比材料。", "rejectedAt", last))) {
                return;
            }
        }
        if (fate < 0.68) {
            Instant submitted = last.plus(Duration.between(last, dueAt).dividedBy(2));
            Instant verified = submitted.plus(Duration.between(submitted, dueAt).dividedBy(2));
            evidenceAndVerification(key, path, earliest, dueAt, submitter, verifier, submitted, verified);
        } else if (fate < 0.83) {
            Instant submitted = dueAt.plus(hours(4, 5 * 24));
            evidenceAndVerification(key, path, earliest, dueAt, submitter, verifier, submitted, submitted.plus(hours(4, 3 * 24)));
        } else if (fate < 0.9) {
            // Evidence waits for verification; whether it is overdue depends on the due date.
            step(earliest, dueAt, key + "evidence", "rectification.evidence", path + "/evidence",
                    body("submittedBy", submitter, "evidence", "整改报告及现场照片。", "submittedAt", last.plus(span.dividedBy(2))));
        }
    }

    private void evidenceAndVerification(String key, String path, Phase earliest, Instant dueAt, String submitter, String verifier,
                                         Instant submitted, Instant verified) {
        if (step(earliest, dueAt, key + "evidence", "rectification.evidence", path + "/evidence",
                body("submittedBy", submitter, "evidence", "整改报告、培训记录及现场照片。", "submittedAt", submitted))) {
            step(earliest, dueAt, key + "verify", "rectification.verify", path + "/verify",
                    body("verifiedBy", verifier, "note", "现场复查，整改到位。", "verifiedAt", verified));
        }
    }

    /** A rectification step: none after the planning limit, and after the due time only once the overdue deadline has fired. */
    private boolean step(Phase earliest, Instant dueAt, String key, String label, String path, Map<String, Object> body) {
        Instant at = body.values().stream().filter(Instant.class::isInstance).map(Instant.class::cast).findFirst().orElseThrow();
        if (at.isAfter(limit)) {
            return false;
        }
        add(at.isAfter(dueAt) ? afterDeadlines(earliest) : earliest, key, label, path, body);
        return true;
    }

    /** The first phase that starts after the deadlines due during the given phase have fired. */
    private static Phase afterDeadlines(Phase phase) {
        return phase == Phase.HISTORY ? Phase.LATE : Phase.TODAY;
    }

    // ---------------------------------------------------------------- today

    /** Steps the server dates itself: transfers, leavers, a renaming, a withdrawn commitment. */
    private void today() {
        List<Staff> movable = staff.stream().filter(s -> !s.departmentId().equals(DemoCatalogue.QUALITY_OFFICE)).toList();
        for (int i = 0; i < 3; i++) {
            Staff member = movable.get(random.nextInt(movable.size()));
            if (leavers.add(member.employeeNumber())) {
                add(Phase.TODAY, "staff-" + member.employeeNumber() + "-leave", "staff.leave",
                        "/api/staff/" + member.employeeNumber() + "/leave", null);
            }
        }
        for (int i = 0; i < 3; i++) {
            Staff member = movable.get(random.nextInt(movable.size()));
            if (leavers.contains(member.employeeNumber())) {
                continue;
            }
            DepartmentKind kind = department(member.departmentId()).kind();
            List<DepartmentSpec> sameKind = DemoCatalogue.DEPARTMENTS.stream()
                    .filter(d -> d.kind() == kind && !d.id().equals(member.departmentId())).toList();
            if (!sameKind.isEmpty()) {
                add(Phase.TODAY, "staff-" + member.employeeNumber() + "-transfer-" + i, "staff.transfer",
                        "/api/staff/" + member.employeeNumber() + "/transfer", body("departmentId", oneOf(sameKind).id()));
            }
        }
        add(Phase.TODAY, "department-ULTRASOUND-rename", "department.rename", "/api/departments/ULTRASOUND/rename",
                body("nameZh", "超声诊断科", "nameEn", "Diagnostic Ultrasound"));
        add(Phase.TODAY, "department-SECURITY-commitment-0-withdraw", "department.commitment-withdraw",
                "/api/departments/SECURITY/commitments/{commitment-SECURITY-0}/withdraw", null);
    }

    // ---------------------------------------------------------------- awards

    private void awards() {
        int ratings = 0;
        int rounds = 0;
        int stars = 0;
        for (LocalDate quarterStart = firstDay.withDayOfMonth(1).withMonth((firstDay.getMonthValue() - 1) / 3 * 3 + 1);
             quarterStart.plusMonths(3).isBefore(today) || quarterStart.plusMonths(3).isEqual(today);
             quarterStart = quarterStart.plusMonths(3)) {
            LocalDate lastDay = quarterStart.plusMonths(3).minusDays(1);
            if (lastDay.isBefore(firstDay)) {
                continue;
            }
            String period = quarterStart.getYear() + "-Q" + quarterStart.get(IsoFields.QUARTER_OF_YEAR);
            ratings += starRatings(period, lastDay, ratings == 0);
            int awarded = serviceStarRound(period, quarterStart, lastDay, rounds == 0);
            if (awarded >= 0) {
                rounds++;
                stars += awarded;
            }
        }
        sizes.put("rectifications", rectifications);
        sizes.put("star ratings", ratings);
        sizes.put("service star rounds", rounds);
        sizes.put("service stars awarded", stars);
    }

    private int starRatings(String period, LocalDate lastDay, boolean withRevocation) {
        Instant awarded = at(lastDay.plusDays(8 + random.nextInt(5)), LocalTime.of(10, 0));
        if (awarded.isAfter(limit)) {
            return 0;
        }
        for (DepartmentSpec department : DemoCatalogue.DEPARTMENTS) {
            double quality = departmentQuality.get(department.id()) * 0.8 + random.nextDouble() * 0.2;
            int stars = 2 + (int) Math.min(3, Math.floor(quality * 4));
            Map<String, Object> scores = new LinkedHashMap<>();
            for (StarRatingCriterion criterion : StarRatingCriterion.values()) {
                scores.put(criterion.name(), Math.min(100, 50 + stars * 8 + random.nextInt(10)));
            }
            String key = "rating-" + period + "-" + department.id();
            add(Phase.AWARDS, key, "star-rating.award", "/api/star-ratings",
                    body("departmentId", department.id(), "period", period, "stars", stars, "scores", scores, "awardedAt", awarded));
            Instant revoked = awarded.plus(Duration.ofDays(20));
            if (withRevocation && department.id().equals("EMERGENCY") && revoked.plus(Duration.ofDays(1)).isBefore(limit)) {
                add(Phase.AWARDS, key + "-revoke", "star-rating.revoke", "/api/star-ratings/" + department.id() + "/" + period + "/revoke",
                        body("reason", "评定后查实该季度存在严重服务投诉，撤销原评定。", "revokedAt", revoked));
                Map<String, Object> lowered = new LinkedHashMap<>(scores);
                lowered.put(StarRatingCriterion.COMPLAINT_HANDLING.name(), 55);
                add(Phase.AWARDS, key + "-again", "star-rating.award", "/api/star-ratings",
                        body("departmentId", department.id(), "period", period, "stars", Math.max(1, stars - 1), "scores", lowered,
                                "awardedAt", revoked.plus(Duration.ofDays(1))));
            }
        }
        return DemoCatalogue.DEPARTMENTS.size();
    }

    /** @return the stars awarded, or -1 when the round had not opened by today */
    private int serviceStarRound(String period, LocalDate firstOfQuarter, LocalDate lastDay, boolean withRevocation) {
        Instant opened = at(lastDay.plusDays(3), LocalTime.of(9, 0));
        if (opened.isAfter(limit)) {
            return -1;
        }
        String key = "round-" + period + "-";
        String path = "/api/service-star-rounds/" + period;
        add(Phase.AWARDS, key + "open", "service-star-round.open", "/api/service-star-rounds",
                body("period", period, "awardLimit", 10, "openedAt", opened));
        List<Staff> eligible = new ArrayList<>();
        Staff ineligible = null;
        for (Staff member : staff) {
            boolean barred = disqualifyingDays.getOrDefault(member.employeeNumber(), List.of()).stream()
                    .anyMatch(day -> !day.isBefore(firstOfQuarter) && !day.isAfter(lastDay));
            if (barred) {
                ineligible = ineligible == null ? member : ineligible;
            } else if (!leavers.contains(member.employeeNumber())) {
                eligible.add(member);
            }
        }
        List<Staff> nominees = new ArrayList<>();
        for (int i = 0; i < 25 && !eligible.isEmpty(); i++) {
            nominees.add(eligible.remove(random.nextInt(eligible.size())));
        }
        if (ineligible != null) {
            nominees.add(ineligible); // nominated before the complaint was upheld; the rule keeps the award from them
        }
        Map<String, Integer> totals = new HashMap<>();
        Instant nominated = opened;
        for (Staff nominee : nominees) {
            nominated = nominated.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            if (nominated.isAfter(limit)) {
                break;
            }
            Map<String, Object> scores = new LinkedHashMap<>();
            int total = 0;
            for (ServiceStarCriterion criterion : ServiceStarCriterion.values()) {
                int score = 70 + random.nextInt(30);
                scores.put(criterion.name(), score);
                total += score;
            }
            totals.put(nominee.employeeNumber(), total);
            add(Phase.AWARDS, key + "nominate-" + nominee.employeeNumber(), "service-star-round.nominate", path + "/nominations",
                    body("employeeNumber", nominee.employeeNumber(), "departmentId", nominee.departmentId(), "scores", scores,
                            "nominatedAt", nominated));
        }
        Staff barred = ineligible;
        List<String> ranked = nominees.stream().filter(n -> n != barred && totals.containsKey(n.employeeNumber()))
                .sorted(Comparator.comparing((Staff n) -> -totals.get(n.employeeNumber())).thenComparing(Staff::employeeNumber))
                .map(Staff::employeeNumber).toList();
        Instant awardedAt = at(lastDay.plusDays(14), LocalTime.of(15, 0));
        if (awardedAt.isAfter(limit) || awardedAt.isBefore(nominated)) {
            return 0;
        }
        List<String> winners = ranked.subList(0, Math.min(10, ranked.size()));
        for (String number : winners) {
            add(Phase.AWARDS, key + "award-" + number, "service-star-round.award", path + "/nominations/" + number + "/award",
                    body("awardedAt", awardedAt));
        }
        int awarded = winners.size();
        Instant closed = awardedAt.plus(Duration.ofDays(2));
        if (withRevocation && ranked.size() > winners.size() && !closed.isAfter(limit)) {
            String revoked = winners.get(winners.size() - 1);
            String replacement = ranked.get(winners.size());
            add(Phase.AWARDS, key + "revoke-" + revoked, "service-star-round.revoke", path + "/nominations/" + revoked + "/revoke",
                    body("reason", "公示期内收到实名反映，经核实不符合评选条件。", "revokedAt", awardedAt.plus(Duration.ofDays(1))));
            add(Phase.AWARDS, key + "award-" + replacement, "service-star-round.award", path + "/nominations/" + replacement + "/award",
                    body("awardedAt", awardedAt.plus(Duration.ofDays(1)).plus(Duration.ofHours(2))));
        }
        if (!closed.isAfter(limit)) {
            add(Phase.AWARDS, key + "close", "service-star-round.close", path + "/close", body("closedAt", closed));
        }
        return awarded;
    }

    // ---------------------------------------------------------------- helpers

    private void add(Phase phase, String item, String label, String path, Map<String, Object> body) {
        add(phase, item, label, path, body, Map.of());
    }

    private void add(Phase phase, String item, String label, String path, Map<String, Object> body, Map<String, String> captures) {
        steps.add(new Step(phase, keyPrefix + item, label, path, body, captures));
    }

    /** A JSON object with its fields in the given order, so the same plan always sends the same bytes. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            body.put((String) namesAndValues[i], value instanceof Enum<?> e && !(value instanceof Now) ? e.name() : value);
        }
        return body;
    }

    /** Draws even when forced, so that forcing one item does not change the draws of all later ones. */
    private boolean chance(double probability, boolean forced) {
        boolean drawn = random.nextDouble() < probability;
        return forced || drawn;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private Duration hours(int min, int max) {
        return Duration.ofMinutes(min * 60L + random.nextInt((max - min) * 60 + 1));
    }

    private LocalDate randomDay(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private LocalDate randomWorkingDay(LocalDate from, LocalDate to) {
        LocalDate day = randomDay(from, to);
        for (int tries = 0; tries < 10 && !calendar.isWorkingDay(day); tries++) {
            day = randomDay(from, to);
        }
        return day;
    }

    private DepartmentSpec weightedDepartment() {
        int total = DemoCatalogue.DEPARTMENTS.stream().mapToInt(d -> d.weight() * d.contacts()).sum();
        int pick = random.nextInt(total);
        for (DepartmentSpec department : DemoCatalogue.DEPARTMENTS) {
            pick -= department.weight() * department.contacts();
            if (pick < 0) {
                return department;
            }
        }
        throw new IllegalStateException("weights add up");
    }

    private String otherDepartment(String departmentId) {
        String other = departmentId;
        while (other.equals(departmentId)) {
            other = oneOf(DemoCatalogue.DEPARTMENTS).id();
        }
        return other;
    }

    private static DepartmentSpec department(String id) {
        return DemoCatalogue.DEPARTMENTS.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static String departmentName(String id) {
        return department(id).nameZh();
    }

    private Staff staffOf(String departmentId) {
        List<Staff> members = staffByDepartment.get(departmentId);
        return members.get(random.nextInt(members.size()));
    }

    private List<String> namedStaff(String departmentId, double one, double two) {
        double r = random.nextDouble();
        if (r < one) {
            return List.of(staffOf(departmentId).employeeNumber());
        }
        if (r < one + two) {
            String first = staffOf(departmentId).employeeNumber();
            String second = staffOf(departmentId).employeeNumber();
            return first.equals(second) ? List.of(first) : List.of(first, second);
        }
        return List.of();
    }

    private String inspector(InspectionMethod method) {
        return switch (method) {
            case MYSTERY_SHOPPER -> "神秘顾客暗访组 / mystery shopper team " + (char) ('A' + random.nextInt(3));
            case VIDEO_REVIEW -> "质量管理办公室视频巡查 / quality office video review";
            case ON_SITE_CHECK -> "院行风办现场检查组 / on-site inspection team";
            case CUSTOMER_VISIT -> "客户服务部回访组 / customer visit team";
            case THIRD_PARTY_SUPERVISOR -> "第三方测评机构 / independent assessor";
            case PUBLIC_SUPERVISOR -> "社会监督员 " + oneOf(DemoCatalogue.SURNAMES) + "老师 / public supervisor";
        };
    }

    private <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> T oneOf(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private List<String> pick(List<String> items, int count) {
        List<String> pool = new ArrayList<>(items);
        List<String> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }
}
