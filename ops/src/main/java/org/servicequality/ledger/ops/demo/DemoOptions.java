package org.servicequality.ledger.ops.demo;

/**
 * How much the demo seeds. The defaults make the organisation the README promises: 24 departments,
 * 330 staff and a year of history; tests use less.
 *
 * @param seed          everything random derives from it, idempotency keys included
 * @param months        how many months of history, ending today
 * @param staff         how many staff to enrol (at least three per department are enrolled whatever this says)
 * @param casesPerMonth complaints and suggestions per month; praise, inspections and rectifications scale with it
 */
record DemoOptions(long seed, int months, int staff, int casesPerMonth) {

    static final DemoOptions DEFAULT = new DemoOptions(20_261_127L, 12, 330, 110);

    DemoOptions {
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("ledger.demo.months must be 1 to 36, was " + months);
        }
        if (staff < 1 || staff > 20_000) {
            throw new IllegalArgumentException("ledger.demo.staff must be 1 to 20000, was " + staff);
        }
        if (casesPerMonth < 1 || casesPerMonth > 10_000) {
            throw new IllegalArgumentException("ledger.demo.cases-per-month must be 1 to 10000, was " + casesPerMonth);
        }
    }
}
