package org.servicequality.ledger.command.audit;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Checkpoints of the event store (JDBC event store only; docs/audit.md).
 *
 * @param checkpointInterval   how often a checkpoint (a Merkle root over the whole stream) is recorded
 * @param checkpointSettleTime a checkpoint covers only events older than this, so that no transaction still in flight can
 *                             later fill a gap below it
 */
@ConfigurationProperties("ledger.audit")
@Validated
record AuditProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1H") Duration checkpointInterval,
                       @NotNull @DurationMin(seconds = 0) @DefaultValue("PT1M") Duration checkpointSettleTime) {
}
