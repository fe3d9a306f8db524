package org.servicequality.ledger.query.projection;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How query-side instances share the projections' segments (docs/scaled-out.md). Segment counts, threads and batch sizes
 * are Axon's own settings, {@code axon.eventhandling.processors.<name>.*} (projections.yml).
 *
 * @param claimTimeout    a segment whose owner has not extended its claim for this long is taken over by another instance
 * @param balanceInterval how often each instance checks that it holds no more than its share of segments
 * @param balancer        the segment balancer
 */
@ConfigurationProperties("ledger.projections")
@Validated
record ProjectionProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("PT10S") Duration claimTimeout,
                            @NotNull @DurationMin(millis = 100) @DefaultValue("PT5S") Duration balanceInterval,
                            @NotNull @DefaultValue Balancer balancer) {

    /** @param enabled {@code false} when something else balances the segments (Axon Server Enterprise) */
    record Balancer(@DefaultValue("true") boolean enabled) {
    }
}
