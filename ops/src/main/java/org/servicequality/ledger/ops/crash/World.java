package org.servicequality.ledger.ops.crash;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the load generator knows about the ledger's aggregates and their states, so that it only sends
 * commands the ledger should accept. Each aggregate belongs to one lane (by hash of its id) and each client
 * thread works one lane: no two clients ever send commands to the same aggregate at the same time.
 * It is rebuilt from the event store after every crash, which also settles what became of the commands that
 * were in flight when the service was killed.
 */
final class World {

    private final List<Lane> lanes = new ArrayList<>();
    private final List<String> departments = new ArrayList<>();

    World(int laneCount) {
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new Lane());
        }
    }

    int lanes() {
        return lanes.size();
    }

    synchronized void rebuild(List<StoredEvent> history) {
        departments.clear();
        lanes.forEach(Lane::clear);
        history.forEach(event -> apply(event.aggregateIdentifier(), event.eventType(), event.detail()));
    }

    /** The state change an event of this type makes; {@code detail} is the department a staff member works in. */
    synchronized void apply(String aggregateId, String eventType, String detail) {
        Lane lane = laneOf(aggregateId);
        switch (eventType) {
            case "DepartmentRegistered" -> {
                departments.add(aggregateId);
                lane.departments.add(aggregateId);
            }
            case "ComplaintFiled" -> lane.filed.add(aggregateId);
            case "ComplaintReplied" -> {
                lane.filed.remove(aggregateId);
                lane.replied.add(aggregateId);
            }
            case "ComplaintResolved" -> lane.replied.remove(aggregateId);
            case "CommendationReceived" -> lane.received.add(aggregateId);
            case "CommendationVerified", "CommendationRejected" -> lane.received.remove(aggregateId);
            case "StaffMemberEnrolled", "StaffMemberTransferred" -> lane.staff.put(aggregateId, detail);
            case "StaffMemberLeft" -> lane.staff.remove(aggregateId);
            default -> {
                // other events change nothing the load generator relies on
            }
        }
    }

    synchronized int departmentCount() {
        return departments.size();
    }

    synchronized String anyDepartment(Random random) {
        return departments.get(random.nextInt(departments.size()));
    }

    synchronized Optional<String> anyOtherDepartment(String department, Random random) {
        if (departments.size() < 2) {
            return Optional.empty();
        }
        String other;
        do {
            other = anyDepartment(random);
        } while (other.equals(department));
        return Optional.of(other);
    }

    /** Takes a complaint awaiting its reply out of the lane; its next event puts it back where it belongs. */
    synchronized Optional<String> takeFiled(int lane) {
        return take(lanes.get(lane).filed);
    }

    synchronized Optional<String> takeReplied(int lane) {
        return take(lanes.get(lane).replied);
    }

    synchronized Optional<String> takeReceived(int lane) {
        return take(lanes.get(lane).received);
    }

    synchronized Optional<String> ownDepartment(int lane, Random random) {
        List<String> own = new ArrayList<>(lanes.get(lane).departments);
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get(random.nextInt(own.size())));
    }

    /** A staff member of the lane (their aggregate id) and the department they work in. */
    synchronized Optional<Map.Entry<String, String>> takeStaff(int lane) {
        Iterator<Map.Entry<String, String>> first = lanes.get(lane).staff.entrySet().iterator();
        if (!first.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<String, String> staff = first.next();
        Map.Entry<String, String> taken = Map.entry(staff.getKey(), staff.getValue());
        first.remove();
        return Optional.of(taken);
    }

    /** Gives back a staff member taken with {@link #takeStaff} when no command could be made for them. */
    synchronized void returnStaff(String staffMemberId, String department) {
        laneOf(staffMemberId).staff.put(staffMemberId, department);
    }

    private Lane laneOf(String aggregateId) {
        return lanes.get(Math.floorMod(aggregateId.hashCode(), lanes.size()));
    }

    private static Optional<String> take(Set<String> from) {
        Iterator<String> first = from.iterator();
        if (!first.hasNext()) {
            return Optional.empty();
        }
        String id = first.next();
        first.remove();
        return Optional.of(id);
    }

    private static final class Lane {
        final Set<String> departments = new LinkedHashSet<>();
        final Set<String> filed = new LinkedHashSet<>();
        final Set<String> replied = new LinkedHashSet<>();
        final Set<String> received = new LinkedHashSet<>();
        final Map<String, String> staff = new LinkedHashMap<>();

        void clear() {
            departments.clear();
            filed.clear();
            replied.clear();
            received.clear();
            staff.clear();
        }
    }
}
