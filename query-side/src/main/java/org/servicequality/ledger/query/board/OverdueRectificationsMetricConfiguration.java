package org.servicequality.ledger.query.board;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ledger.rectifications.overdue}: open rectifications past their due date now, as the board shows them. It reads
 * one document per department, so it is counted on every scrape.
 */
@Configuration(proxyBeanMethods = false)
class OverdueRectificationsMetricConfiguration {

    @Bean
    MeterBinder overdueRectificationsMeter(BoardQueries board) {
        return registry -> Gauge.builder("ledger.rectifications.overdue", board::overdueRectifications)
                .description("Open rectifications past their due date, over every department, now")
                .register(registry);
    }
}
