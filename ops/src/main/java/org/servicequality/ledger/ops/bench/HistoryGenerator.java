package org.servicequality.ledger.ops.bench;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintAssistanceRequested;
import org.servicequality.ledger.api.complaint.ComplaintEscalated;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintForwarded;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.complaint.SatisfactionFollowUpRecorded;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.inspection.FindingRecorded;
import org.servicequality.ledger.api.inspection.InspectionConducted;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.inspection.InspectionResultsCirculated;
import org.servicequality.ledger.api.rectification.RectificationEvidenceSubmitted;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.RectificationVerified;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberIds;
import org.servicequality.ledger.api.staff.StaffRole;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a history of N events straight into the event store, reproducibly from a seed: departments, staff, and
 * then complaints (with triage, the three special routes, replies, resolutions, follow-ups), praise, inspections
 * with findings and rectifications, each a valid aggregate stream (sequence numbers from 0, every event one its
 * aggregate would have applied, in order).
 *
 * <p>The events go through the real {@link EventStore} in units of work of about {@value #BATCH} events, so the
 * tamper-evidence chain is stamped by the same interceptor as a command's events, and the audit verifier passes on
 * the result. Each aggregate's events are written in one unit of work: the chain then never has to read a previous
 * hash back from the store. Commands and deadlines are bypassed: that is what makes it fast, and why reply
 * deadlines never fire for generated complaints (every generated complaint is replied to or left open without an
 * overdue event).
 *
 * <p>Business times are spread evenly over the year before {@link #END} in the order the items are written, so a
 * seed gives the very same events (ids, times, payloads) on any day.
 */
final class HistoryGenerator {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(365);
    private static final int BATCH = 1_000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Organisation organisation;
    private final PrintStream out;
    private final List<EventMessage<?>> batch = new ArrayList<>();
    private Random random;
    private long target;
    private long written;

    HistoryGenerator(EventStore eventStore, TransactionManager transactions, Organisation organisation, PrintStream out) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.organisation = organisation;
        this.out = out;
    }

    /** @return the number of events written: at least {@code events}, a few more to finish the last item */
    long generate(long events, long seed) {
        random = new Random(seed);
        target = events;
        written = 0;
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        Instant registered = END.minus(SPAN).minus(Duration.ofDays(1));
        for (String department : organisation.departments()) {
            aggregate("Department", department).add(new DepartmentRegistered(department, "科室" + department,
                    "Department " + department, oneOf(DepartmentKind.values())), registered);
        }
        for (int i = 0; i < organisation.employeeNumbers().size(); i++) {
            String number = organisation.employeeNumbers().get(i);
            aggregate("StaffMember", StaffMemberIds.of(number)).add(new StaffMemberEnrolled(number, organisation.departmentOf(i),
                    oneOf(StaffRole.values()), "Staff " + number, registered), registered);
        }
        while (written + batch.size() < target) {
            int roll = random.nextInt(100);
            if (roll < 62) {
                complaint();
            } else if (roll < 88) {
                commendation();
            } else {
                inspection();
            }
            if (batch.size() >= BATCH) {
                flush();
                if (System.nanoTime() >= nextProgress) {
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf(Locale.ROOT, "  history: %,d of %,d events (%,.0f/s), load %s%n", written, target, written / seconds,
                            Machine.loadAverage());
                }
            }
        }
        flush();
        return written;
    }

    private void complaint() {
        String id = uuid();
        String department = organisation.anyDepartment(random);
        Instant received = now();
        boolean suggestion = random.nextInt(100) < 15;
        Category category = oneOf(Category.values());
        Stream stream = aggregate("Complaint", id);
        stream.add(new ComplaintFiled(id, oneOf(Channel.values()), suggestion ? FeedbackKind.SUGGESTION : FeedbackKind.COMPLAINT,
                category, department, suggestion ? List.of() : organisation.someStaffOf(department, random),
                "Kept waiting at the counter", "No explanation was given", received,
                received.atOffset(ZoneOffset.ofHours(8)).toLocalDate().plusDays(3), received.plus(Duration.ofDays(3)), null), received);
        String handling = department;
        Instant at = received.plus(minutes(10, 240));
        if (random.nextInt(100) < 85) {
            Severity severity = random.nextInt(10) < 6 ? Severity.MINOR : random.nextInt(10) < 8 ? Severity.MAJOR : Severity.SERIOUS;
            stream.add(new ComplaintTriaged(id, category, severity, handling), at);
        }
        int route = random.nextInt(100);
        at = at.plus(minutes(10, 240));
        if (route < 5) {
            stream.add(new ComplaintAssistanceRequested(id, handling, organisation.otherDepartment(handling, random),
                    "Please help to verify what happened.", at), at);
        } else if (route < 9) {
            String to = organisation.otherDepartment(handling, random);
            stream.add(new ComplaintForwarded(id, handling, to, "This belongs to the other department.", at), at);
            handling = to;
        } else if (route < 11) {
            stream.add(new ComplaintEscalated(id, handling, "Serious: reported to the leadership.", at), at);
        }
        if (random.nextInt(100) >= 92) {
            return; // still awaiting its reply
        }
        Instant replied = at.plus(minutes(30, 60 * 60));
        stream.add(new ComplaintReplied(id, handling, "We apologise; the counter is now staffed at peak hours.", replied), replied);
        Instant resolved = replied.plus(minutes(60, 5 * 24 * 60));
        if (random.nextInt(100) < 85) {
            ResolutionOutcome outcome = oneOf(ResolutionOutcome.values());
            boolean rectify = outcome != ResolutionOutcome.NOT_SUBSTANTIATED && random.nextInt(100) < 15;
            stream.add(new ComplaintResolved(id, handling, outcome, rectify, resolved), resolved);
            if (rectify) {
                rectification(RectificationSource.complaint(id), handling, resolved.plus(minutes(60, 24 * 60)));
            }
        }
        if (random.nextInt(100) < 50) {
            Instant followedUp = replied.plus(minutes(24 * 60, 10 * 24 * 60));
            stream.add(new SatisfactionFollowUpRecorded(id, handling, 1 + random.nextInt(5), "Satisfied with the answer", followedUp),
                    followedUp);
        }
    }

    private void commendation() {
        String id = uuid();
        String department = organisation.anyDepartment(random);
        List<String> staff = organisation.someStaffOf(department, random);
        Channel channel = oneOf(Channel.values());
        Instant received = now();
        Stream stream = aggregate("Commendation", id);
        stream.add(new CommendationReceived(id, channel, department, staff, "Very patient and kind", received), received);
        if (random.nextInt(100) < 80) {
            Instant verified = received.plus(minutes(60, 3 * 24 * 60));
            stream.add(new CommendationVerified(id, department, staff, channel, received, verified), verified);
        }
    }

    private void inspection() {
        String id = uuid();
        String department = organisation.anyDepartment(random);
        Instant conducted = now();
        Stream stream = aggregate("Inspection", id);
        stream.add(new InspectionConducted(id, oneOf(InspectionMethod.values()), department, "Quality office", conducted), conducted);
        int findings = 1 + random.nextInt(3);
        int points = 0;
        List<String> shortcomings = new ArrayList<>();
        for (int i = 0; i < findings; i++) {
            String findingId = uuid();
            boolean positive = random.nextInt(100) < 25;
            int deducted = positive ? 0 : 1 + random.nextInt(5);
            points += deducted;
            stream.add(new FindingRecorded(id, findingId, department, positive ? "Greets every visitor" : "Forbidden service phrase",
                    positive ? null : oneOf(Severity.values()), deducted, positive, organisation.someStaffOf(department, random),
                    "Seen during the inspection", conducted), conducted);
            if (!positive) {
                shortcomings.add(findingId);
            }
        }
        if (random.nextInt(100) < 90) {
            Instant circulated = conducted.plus(minutes(24 * 60, 5 * 24 * 60));
            stream.add(new InspectionResultsCirculated(id, department, findings, points, circulated), circulated);
            for (String finding : shortcomings) {
                if (random.nextInt(100) < 30) {
                    rectification(RectificationSource.finding(id, finding), department, circulated.plus(minutes(60, 24 * 60)));
                }
            }
        }
    }

    private void rectification(RectificationSource source, String department, Instant ordered) {
        String id = uuid();
        Instant dueAt = ordered.plus(Duration.ofDays(14));
        Stream stream = aggregate("Rectification", id);
        stream.add(new RectificationOrdered(id, source, department, "Train every member of staff on the service standard",
                dueAt.atOffset(ZoneOffset.ofHours(8)).toLocalDate().minusDays(1), dueAt, ordered), ordered);
        if (random.nextInt(100) < 80) {
            Instant submitted = ordered.plus(minutes(60, 16 * 24 * 60));
            stream.add(new RectificationEvidenceSubmitted(id, department, "B000001", "Training records and photographs", submitted),
                    submitted);
            if (random.nextInt(100) < 85) {
                Instant verified = submitted.plus(minutes(60, 2 * 24 * 60));
                stream.add(new RectificationVerified(id, department, "B000002", "Checked on site", verified, dueAt,
                        !verified.isAfter(dueAt)), verified);
            }
        }
    }

    /** One aggregate's events, numbered from 0. */
    private final class Stream {
        private final String type;
        private final String aggregateId;
        private long sequence;

        private Stream(String type, String aggregateId) {
            this.type = type;
            this.aggregateId = aggregateId;
        }

        void add(Object payload, Instant at) {
            batch.add(new GenericDomainEventMessage<>(type, aggregateId, sequence++, payload, MetaData.emptyInstance(), uuid(), at));
        }
    }

    private Stream aggregate(String type, String aggregateId) {
        return new Stream(type, aggregateId);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(batch));
        written += batch.size();
        batch.clear();
    }

    /** The business time of the item being written: the history's span in the order of writing. */
    private Instant now() {
        double progress = Math.min(1.0, (double) (written + batch.size()) / target);
        return END.minus(SPAN).plusSeconds((long) (progress * SPAN.toSeconds()) - random.nextInt(3600)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private Duration minutes(int least, int most) {
        return Duration.ofMinutes(least + random.nextInt(most - least + 1));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
