package org.servicequality.ledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One client of the command load: a quality office desk working through its own cases the way the organisation
 * does, so that every command it sends should be accepted. Intake (complaints and praise) creates work; triage,
 * the special routes, replies, resolutions, follow-ups, verification of praise, inspections with findings and
 * their circulation, and rectifications with evidence and verification follow it up. When a follow-up is drawn
 * but has nothing to work on, the client files a complaint instead.
 *
 * <p>Business times are "now": items stay on time, so no reply deadline fires while the load runs.
 */
final class CommandMix implements LoadDriver.Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CHANNELS = {"WEB", "PHONE_VOICE", "SMS", "KIOSK", "LETTER", "IN_PERSON", "HOTLINE"};
    private static final String[] CATEGORIES = {"SERVICE_ATTITUDE", "SERVICE_QUALITY", "PRICING", "PROCESS", "ENVIRONMENT", "OTHER"};
    private static final String[] METHODS = {"MYSTERY_SHOPPER", "VIDEO_REVIEW", "ON_SITE_CHECK", "CUSTOMER_VISIT", "THIRD_PARTY_SUPERVISOR"};

    /** The complaint's handling department travels with it: routes must name another one. */
    private record Case(String id, String department) {
    }

    private final Organisation organisation;
    private final Random random;
    private final Deque<Case> toTriage = new ArrayDeque<>();
    private final Deque<Case> toRoute = new ArrayDeque<>();
    private final Deque<Case> toReply = new ArrayDeque<>();
    private final Deque<Case> toResolve = new ArrayDeque<>();
    private final Deque<Case> toFollowUp = new ArrayDeque<>();
    private final Deque<String> praiseToVerify = new ArrayDeque<>();
    private final Deque<Case> inspectionsOpen = new ArrayDeque<>();
    private final Deque<Case> findingsToRectify = new ArrayDeque<>();
    private final Deque<String> rectificationsOrdered = new ArrayDeque<>();
    private final Deque<String> rectificationsWithEvidence = new ArrayDeque<>();
    /** What to do with the answer of the request in flight (a client sends one request at a time). */
    private Consumer<Map<?, ?>> onSuccess = answer -> { };

    CommandMix(Organisation organisation, long seed) {
        this.organisation = organisation;
        this.random = new Random(seed);
    }

    @Override
    public HttpTarget.Request next() {
        int roll = random.nextInt(100);
        HttpTarget.Request request = null;
        if (roll < 10) {
            request = triage();
        } else if (roll < 14) {
            request = route();
        } else if (roll < 26) {
            request = reply();
        } else if (roll < 36) {
            request = resolve();
        } else if (roll < 42) {
            request = followUp();
        } else if (roll < 50) {
            request = receivePraise();
        } else if (roll < 55) {
            request = verifyPraise();
        } else if (roll < 58) {
            request = conductInspection();
        } else if (roll < 64) {
            request = recordFinding();
        } else if (roll < 67) {
            request = orderRectification();
        } else if (roll < 70) {
            request = submitEvidence();
        } else if (roll < 72) {
            request = verifyRectification();
        }
        return request != null ? request : fileComplaint();
    }

    @Override
    public void answered(HttpTarget.Request request, HttpTarget.Answer answer) {
        if (answer.succeeded()) {
            try {
                onSuccess.accept(answer.body().isEmpty() ? Map.of() : JSON.readValue(answer.body(), Map.class));
            } catch (IOException unreadable) {
                throw new IllegalStateException("Unreadable answer to " + request.path() + ": " + answer.body(), unreadable);
            }
        }
        onSuccess = ignored -> { };
    }

    private HttpTarget.Request fileComplaint() {
        String department = organisation.anyDepartment(random);
        onSuccess = answer -> toTriage.add(new Case((String) answer.get("complaintId"), department));
        return post("/api/complaints", Map.of("channel", oneOf(CHANNELS), "kind", "COMPLAINT", "category", oneOf(CATEGORIES),
                "departmentId", department, "employeeNumbers", organisation.someStaffOf(department, random),
                "summary", "Kept waiting at the counter", "details", "No explanation was given", "receivedAt", now()));
    }

    private HttpTarget.Request triage() {
        Case complaint = toTriage.poll();
        if (complaint == null) {
            return null;
        }
        onSuccess = answer -> (random.nextInt(4) == 0 ? toRoute : toReply).add(complaint);
        return post("/api/complaints/" + complaint.id() + "/triage", Map.of("category", oneOf(CATEGORIES),
                "severity", random.nextInt(5) == 0 ? "MAJOR" : "MINOR", "handlingDepartmentId", complaint.department()));
    }

    /** Assistance, forwarding or escalation: the three special routes. */
    private HttpTarget.Request route() {
        Case complaint = toRoute.poll();
        if (complaint == null) {
            return null;
        }
        String other = organisation.otherDepartment(complaint.department(), random);
        String path = "/api/complaints/" + complaint.id();
        return switch (random.nextInt(3)) {
            case 0 -> {
                onSuccess = answer -> toReply.add(complaint);
                yield post(path + "/assistance-requests", Map.of("assistingDepartmentId", other, "request", "Please help to verify what happened."));
            }
            case 1 -> {
                onSuccess = answer -> toReply.add(new Case(complaint.id(), other));
                yield post(path + "/forward", Map.of("toDepartmentId", other, "reason", "This belongs to the other department."));
            }
            default -> {
                onSuccess = answer -> toReply.add(complaint);
                yield post(path + "/escalate", Map.of("reason", "Serious: reported to the leadership."));
            }
        };
    }

    private HttpTarget.Request reply() {
        Case complaint = toReply.poll();
        if (complaint == null) {
            return null;
        }
        onSuccess = answer -> {
            toResolve.add(complaint);
            if (random.nextBoolean()) {
                toFollowUp.add(complaint);
            }
        };
        return post("/api/complaints/" + complaint.id() + "/reply",
                Map.of("text", "We apologise; the counter is now staffed at peak hours.", "repliedAt", now()));
    }

    private HttpTarget.Request resolve() {
        Case complaint = toResolve.poll();
        if (complaint == null) {
            return null;
        }
        return post("/api/complaints/" + complaint.id() + "/resolve",
                Map.of("outcome", random.nextBoolean() ? "SUBSTANTIATED" : "NOT_SUBSTANTIATED", "rectificationRequired", false,
                        "resolvedAt", now()));
    }

    private HttpTarget.Request followUp() {
        Case complaint = toFollowUp.poll();
        if (complaint == null) {
            return null;
        }
        return post("/api/complaints/" + complaint.id() + "/satisfaction-follow-up",
                Map.of("score", 1 + random.nextInt(5), "comment", "Satisfied with the answer", "followedUpAt", now()));
    }

    private HttpTarget.Request receivePraise() {
        String department = organisation.anyDepartment(random);
        onSuccess = answer -> praiseToVerify.add((String) answer.get("commendationId"));
        return post("/api/commendations", Map.of("channel", oneOf(CHANNELS), "departmentId", department,
                "employeeNumbers", organisation.someStaffOf(department, random), "text", "Very patient and kind", "receivedAt", now()));
    }

    private HttpTarget.Request verifyPraise() {
        String commendation = praiseToVerify.poll();
        return commendation == null ? null : post("/api/commendations/" + commendation + "/verify", Map.of());
    }

    private HttpTarget.Request conductInspection() {
        String department = organisation.anyDepartment(random);
        onSuccess = answer -> inspectionsOpen.add(new Case((String) answer.get("inspectionId"), department));
        return post("/api/inspections", Map.of("method", oneOf(METHODS), "departmentId", department,
                "inspector", "Quality office", "conductedAt", now()));
    }

    /** A finding on an open inspection; after the second one the inspection's results are circulated instead. */
    private HttpTarget.Request recordFinding() {
        Case inspection = inspectionsOpen.poll();
        if (inspection == null) {
            return null;
        }
        if (random.nextInt(3) == 0) {
            return post("/api/inspections/" + inspection.id() + "/circulate", Map.of("circulatedAt", now()));
        }
        onSuccess = answer -> {
            inspectionsOpen.add(inspection);
            findingsToRectify.add(new Case(inspection.id() + "/" + answer.get("findingId"), inspection.department()));
        };
        return post("/api/inspections/" + inspection.id() + "/findings", Map.of("standardClause", "Forbidden service phrase",
                "severity", "MINOR", "pointsDeducted", 1 + random.nextInt(3), "positive", false,
                "employeeNumbers", organisation.someStaffOf(inspection.department(), random), "description", "Seen during the inspection"));
    }

    private HttpTarget.Request orderRectification() {
        Case finding = findingsToRectify.poll();
        if (finding == null) {
            return null;
        }
        String[] ids = finding.id().split("/");
        onSuccess = answer -> rectificationsOrdered.add((String) answer.get("rectificationId"));
        return post("/api/rectifications", Map.of("source", Map.of("kind", "FINDING", "inspectionId", ids[0], "findingId", ids[1]),
                "departmentId", finding.department(), "requiredAction", "Train every member of staff on the service standard",
                "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString(), "orderedAt", now()));
    }

    private HttpTarget.Request submitEvidence() {
        String rectification = rectificationsOrdered.poll();
        if (rectification == null) {
            return null;
        }
        onSuccess = answer -> rectificationsWithEvidence.add(rectification);
        return post("/api/rectifications/" + rectification + "/evidence", Map.of("submittedBy", organisation.employeeNumbers().get(0),
                "evidence", "Training records and photographs", "submittedAt", now()));
    }

    private HttpTarget.Request verifyRectification() {
        String rectification = rectificationsWithEvidence.poll();
        if (rectification == null) {
            return null;
        }
        return post("/api/rectifications/" + rectification + "/verify", Map.of("verifiedBy", organisation.employeeNumbers().get(1),
                "note", "Checked on site", "verifiedAt", now()));
    }

    private HttpTarget.Request post(String path, Map<String, ?> body) {
        try {
            return new HttpTarget.Request(path, JSON.writeValueAsString(body), new UUID(random.nextLong(), random.nextLong()).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return Instant.now().toString();
    }

    private String oneOf(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
