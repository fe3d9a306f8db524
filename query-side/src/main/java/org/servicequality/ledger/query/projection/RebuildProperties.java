package org.servicequality.ledger.query.projection;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How a rebuild of read models while serving runs ({@link ProjectionRebuilds}, docs/audit.md).
 *
 * @param batchSize          events per batch of the rebuild's processor
 * @param maxEventsPerSecond a ceiling on the rebuild's pace, so the live service keeps some of the machine; 0 for none
 * @param checkInterval      how often progress is measured and a caught-up rebuild is switched over
 */
@ConfigurationProperties("ledger.rebuilds")
@Validated
record RebuildProperties(@Min(1) @DefaultValue("100") int batchSize,
                         @Min(0) @DefaultValue("0") int maxEventsPerSecond,
                         @NotNull @DurationMin(millis = 50) @DefaultValue("PT0.5S") Duration checkInterval) {
}
