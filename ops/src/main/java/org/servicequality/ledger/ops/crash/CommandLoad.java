package org.servicequality.ledger.ops.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicequality.ledger.api.staff.StaffMemberIds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mixed command traffic over HTTP from several client threads, each sending one command at a time and waiting
 * for its answer, like the counters and kiosks of an organisation. Every 2xx goes into the acknowledgement
 * log; a command whose answer never came (the service died) is kept to be retried after the restart.
 */
public final class CommandLoad {

    /** Received, replied and resolved on three consecutive days, long enough ago to be in the past. */
    private static final String[] DEPARTMENT_KINDS = {"CLINICAL", "MEDICAL_TECHNICAL", "ADMINISTRATIVE", "LOGISTICS", "SERVICE_WINDOW"};
    private static final String[] CHANNELS = {"WEB", "HOTLINE", "SMS", "LETTER"};
    private static final String[] CATEGORIES = {"SERVICE_ATTITUDE", "SERVICE_QUALITY", "PRICING", "PROCESS", "ENVIRONMENT"};
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Outcome { ACKNOWLEDGED, REPLAYED, RECORDED_BEFORE, REFUSED, NO_ANSWER }

    /** Counters over a whole run. */
    static final class Statistics {
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong noAnswer = new AtomicLong();
        final AtomicLong retriedRecordedBefore = new AtomicLong();
        final AtomicLong retriedApplied = new AtomicLong();
        final AtomicLong probes = new AtomicLong();
        final AtomicLong probeFailures = new AtomicLong();
        final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

        void refusal(String what) {
            refused.incrementAndGet();
            if (refusals.size() < 10) {
                refusals.add(what);
            }
        }
    }

    private final World world;
    private final Acknowledgements acknowledgements;
    private final Statistics statistics;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private volatile String baseUrl;
    private volatile String authorization;

    CommandLoad(World world, Acknowledgements acknowledgements, Statistics statistics) {
        this.world = world;
        this.acknowledgements = acknowledgements;
        this.statistics = statistics;
    }

    void target(LedgerProcess ledger) {
        this.authorization = ledger.authorization();
        this.baseUrl = ledger.baseUrl();
    }

    /** Client threads that keep sending until {@link Clients#stop()}, or until the service stops answering. */
    Clients start(long seed) {
        return new Clients(seed);
    }

    final class Clients {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ConcurrentLinkedQueue<Command> unanswered = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        private Clients(long seed) {
            for (int lane = 0; lane < world.lanes(); lane++) {
                int ownLane = lane;
                Random random = new Random(seed + lane);
                Thread client = new Thread(() -> {
                    while (!stopped.get()) {
                        Command command = next(ownLane, random);
                        if (send(command) == Outcome.NO_ANSWER) {
                            unanswered.add(command);
                            return;
                        }
                    }
                }, "ledger-client-" + lane);
                client.setDaemon(true);
                threads.add(client);
                client.start();
            }
        }

        /** Stops the clients and returns the commands that got no answer: whether they were recorded is unknown. */
        List<Command> stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60).toMillis());
                if (thread.isAlive()) {
                    throw new IllegalStateException(thread.getName() + " did not stop within 60 s");
                }
            }
            return new ArrayList<>(unanswered);
        }
    }

    /**
     * Sends a command again with its Idempotency-Key. The ledger either answers from its record of the first
     * attempt (which therefore committed), or reports it recorded without a stored answer, or runs it now.
     */
    void retry(Command command) {
        switch (send(command)) {
            case REPLAYED, RECORDED_BEFORE -> statistics.retriedRecordedBefore.incrementAndGet();
            case ACKNOWLEDGED -> statistics.retriedApplied.incrementAndGet();
            case REFUSED, NO_ANSWER -> {
                // counted by send
            }
        }
    }

    /** A further command on up to {@code perLane} aggregates of each kind in each lane: proof that they still load. */
    void probe(int perLane, Random random) {
        for (int lane = 0; lane < world.lanes(); lane++) {
            List<Command> probes = new ArrayList<>();
            for (int i = 0; i < perLane; i++) {
                world.ownDepartment(lane, random).map(id -> rename(id, random)).ifPresent(probes::add);
                world.takeFiled(lane).map(CommandLoad::reply).ifPresent(probes::add);
                world.takeReplied(lane).map(CommandLoad::resolve).ifPresent(probes::add);
                world.takeReceived(lane).map(CommandLoad::verify).ifPresent(probes::add);
                world.takeStaff(lane).flatMap(staff -> transfer(staff, random)).ifPresent(probes::add);
            }
            for (Command probe : probes) {
                statistics.probes.incrementAndGet();
                if (send(probe) != Outcome.ACKNOWLEDGED) {
                    statistics.probeFailures.incrementAndGet();
                }
            }
        }
    }

    Outcome send(Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + command.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", command.key())
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(command.body()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            statistics.noAnswer.incrementAndGet();
            return Outcome.NO_ANSWER;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Outcome.NO_ANSWER;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String aggregateId = aggregateId(command, response.body());
            acknowledgements.add(aggregateId, command.eventType());
            statistics.acknowledged.incrementAndGet();
            if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                return Outcome.REPLAYED;
            }
            world.apply(aggregateId, command.eventType(), command.detail());
            return Outcome.ACKNOWLEDGED;
        }
        if (status == 409 && response.body().contains("idempotency-key.in-progress")) {
            if (command.aggregateId() != null) {
                // The key was claimed in the command's own transaction, so its events must be in the store.
                acknowledgements.add(command.aggregateId(), command.eventType());
            }
            return Outcome.RECORDED_BEFORE;
        }
        statistics.refusal(command.path() + " -> " + status + " " + response.body());
        return Outcome.REFUSED;
    }

    private static String aggregateId(Command command, String body) {
        if (command.aggregateId() != null) {
            return command.aggregateId();
        }
        try {
            return JSON.readTree(body).path(command.idField()).asText();
        } catch (IOException unreadable) {
            throw new IllegalStateException("Unreadable answer to " + command.path() + ": " + body, unreadable);
        }
    }

    private Command next(int lane, Random random) {
        if (world.departmentCount() < 3) {
            return registerDepartment(random);
        }
        int roll = random.nextInt(100);
        Optional<Command> command;
        if (roll < 3) {
            command = Optional.of(registerDepartment(random));
        } else if (roll < 38) {
            command = Optional.empty();
        } else if (roll < 58) {
            command = world.takeFiled(lane).map(CommandLoad::reply);
        } else if (roll < 73) {
            command = world.takeReplied(lane).map(CommandLoad::resolve);
        } else if (roll < 81) {
            command = Optional.of(receiveCommendation(random));
        } else if (roll < 86) {
            command = world.takeReceived(lane).map(CommandLoad::verify);
        } else if (roll < 91) {
            command = Optional.of(enrolStaff(random));
        } else if (roll < 96) {
            command = world.takeStaff(lane).flatMap(staff -> transfer(staff, random));
        } else {
            command = world.ownDepartment(lane, random).map(id -> rename(id, random));
        }
        return command.orElseGet(() -> fileComplaint(random));
    }

    private static Command registerDepartment(Random random) {
        String id = "D-" + HexFormat.of().toHexDigits(random.nextInt());
        return Command.on(id, "/api/departments", """
                {"departmentId":"%s","nameZh":"科室%s","nameEn":"Department %s","kind":"%s"}"""
                .formatted(id, id, id, DEPARTMENT_KINDS[random.nextInt(DEPARTMENT_KINDS.length)]), "DepartmentRegistered", "");
    }

    private static Command rename(String departmentId, Random random) {
        String suffix = HexFormat.of().toHexDigits(random.nextLong());
        return Command.on(departmentId, "/api/departments/" + departmentId + "/rename", """
                {"nameZh":"科室%s","nameEn":"Department %s"}""".formatted(suffix, suffix), "DepartmentRenamed", "");
    }

    /**
     * Business times are "now" when a command is made (a retry resends the same body): the items are on time, so no
     * reply deadline falls due and appends events while the harness compares the store with its log.
     */
    private static String now() {
        return java.time.Instant.now().toString();
    }

    private Command fileComplaint(Random random) {
        return Command.creating("/api/complaints", """
                {"channel":"%s","kind":"COMPLAINT","category":"%s","departmentId":"%s","employeeNumbers":["E%04d"],
                 "summary":"Kept waiting at the counter","details":"No explanation was given","receivedAt":"%s"}"""
                .formatted(CHANNELS[random.nextInt(CHANNELS.length)], CATEGORIES[random.nextInt(CATEGORIES.length)],
                        world.anyDepartment(random), random.nextInt(10_000), now()), "ComplaintFiled", "complaintId", "");
    }

    private static Command reply(String complaintId) {
        return Command.on(complaintId, "/api/complaints/" + complaintId + "/reply", """
                {"text":"We apologise; the counter is now staffed at peak hours.","repliedAt":"%s"}""".formatted(now()),
                "ComplaintReplied", "");
    }

    private static Command resolve(String complaintId) {
        return Command.on(complaintId, "/api/complaints/" + complaintId + "/resolve", """
                {"outcome":"SUBSTANTIATED","rectificationRequired":false,"resolvedAt":"%s"}""".formatted(now()), "ComplaintResolved", "");
    }

    private Command receiveCommendation(Random random) {
        return Command.creating("/api/commendations", """
                {"channel":"%s","departmentId":"%s","employeeNumbers":["E%04d"],"text":"Very patient and kind","receivedAt":"%s"}"""
                .formatted(CHANNELS[random.nextInt(CHANNELS.length)], world.anyDepartment(random), random.nextInt(10_000), now()),
                "CommendationReceived", "commendationId", "");
    }

    private static Command verify(String commendationId) {
        return Command.on(commendationId, "/api/commendations/" + commendationId + "/verify", "{}", "CommendationVerified", "");
    }

    private Command enrolStaff(Random random) {
        String employeeNumber = "E" + HexFormat.of().toHexDigits(random.nextLong());
        String department = world.anyDepartment(random);
        return Command.on(StaffMemberIds.of(employeeNumber), "/api/staff", """
                {"employeeNumber":"%s","departmentId":"%s","role":"SERVICE_WINDOW","displayName":"Staff %s"}"""
                .formatted(employeeNumber, department, employeeNumber), "StaffMemberEnrolled", department);
    }

    private Optional<Command> transfer(Map.Entry<String, String> staff, Random random) {
        String employeeNumber = staff.getKey().substring(StaffMemberIds.PREFIX.length());
        Optional<String> to = world.anyOtherDepartment(staff.getValue(), random);
        if (to.isEmpty()) {
            world.returnStaff(staff.getKey(), staff.getValue());
        }
        return to.map(department -> Command.on(staff.getKey(), "/api/staff/" + employeeNumber + "/transfer", """
                {"departmentId":"%s"}""".formatted(department), "StaffMemberTransferred", department));
    }
}
