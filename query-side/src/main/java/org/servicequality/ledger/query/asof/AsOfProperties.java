package org.servicequality.ledger.query.asof;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How views "as of" a past instant are built (docs/audit.md, "As-of views").
 *
 * @param batchSize     events per unit of work when a read side is rebuilt as of an instant; as many as the snapshot
 *                      interval, so a fill from a snapshot reads and writes each document it touches once
 * @param snapshotInterval events between two stored read-model snapshots; an as-of view replays at most this many
 *                         events after the newest snapshot covering its instant
 * @param snapshotCheck how often a background thread looks whether the settled history has grown by an interval and
 *                      makes the snapshots it lacks; zero for never (snapshots are then made only when asked for,
 *                      as the benchmark does after its replay so they do not compete with what it measures)
 * @param keptInstants  how many read sides of past instants are kept for further requests
 * @param commitMargin  how long after the instant the event store is still read, for events stamped before it whose
 *                      transaction committed later
 */
@ConfigurationProperties("ledger.as-of")
@Validated
record AsOfProperties(@Min(1) @DefaultValue("20000") int batchSize,
                      @Min(100) @DefaultValue("20000") long snapshotInterval,
                      @NotNull @DurationMin(seconds = 0) @DefaultValue("PT1M") Duration snapshotCheck,
                      @Min(1) @DefaultValue("4") int keptInstants,
                      @NotNull @DurationMin(seconds = 0) @DefaultValue("PT1M") Duration commitMargin) {
}
