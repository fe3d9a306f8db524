package org.servicequality.ledger.ops.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The departments and staff a generated history registers, and the load generator then works with: the same
 * ids in every run of a given size, so a history generated once can be driven again.
 */
record Organisation(List<String> departments, List<String> employeeNumbers) {

    static Organisation ofSize(int departments, int staff) {
        return new Organisation(
                IntStream.rangeClosed(1, departments).mapToObj(i -> String.format(Locale.ROOT, "BENCH-%03d", i)).toList(),
                IntStream.rangeClosed(1, staff).mapToObj(i -> String.format(Locale.ROOT, "B%06d", i)).toList());
    }

    /** Staff are spread over the departments in turn. */
    String departmentOf(int staffIndex) {
        return departments.get(staffIndex % departments.size());
    }

    String anyDepartment(Random random) {
        return departments.get(random.nextInt(departments.size()));
    }

    String otherDepartment(String departmentId, Random random) {
        String other = anyDepartment(random);
        return other.equals(departmentId) ? departments.get((departments.indexOf(other) + 1) % departments.size()) : other;
    }

    /** Up to two staff members of the department, or none (many items name nobody). */
    List<String> someStaffOf(String departmentId, Random random) {
        int department = departments.indexOf(departmentId);
        int perDepartment = employeeNumbers.size() / departments.size();
        if (perDepartment == 0 || random.nextInt(3) == 0) {
            return List.of();
        }
        int count = 1 + random.nextInt(2);
        return IntStream.range(0, count)
                .mapToObj(i -> employeeNumbers.get(department + departments.size() * random.nextInt(perDepartment)))
                .distinct().toList();
    }
}
