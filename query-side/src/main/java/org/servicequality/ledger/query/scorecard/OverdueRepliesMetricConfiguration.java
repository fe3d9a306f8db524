package org.servicequality.ledger.query.scorecard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** {@code ledger.complaints.reply.overdue}: how many submitters are waiting past their reply deadline right now. */
@Configuration(proxyBeanMethods = false)
class OverdueRepliesMetricConfiguration {

    /** The count scans the complaint cases on the embedded MongoDB; a scrape every 15 s must not repeat it each time. */
    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Counted(Instant at, long overdue) {
    }

    @Bean
    MeterBinder overdueRepliesMeter(ScorecardQueries scorecards) {
        Clock clock = Clock.systemUTC();
        AtomicReference<Counted> last = new AtomicReference<>();
        return registry -> Gauge.builder("ledger.complaints.reply.overdue", () -> {
                    Instant now = clock.instant();
                    Counted counted = last.get();
                    if (counted == null || counted.at().plus(KEEP).isBefore(now)) {
                        counted = new Counted(now, scorecards.overdueReplies(now));
                        last.set(counted);
                    }
                    return counted.overdue();
                })
                .description("Complaints and suggestions past their reply deadline without a reply, now")
                .register(registry);
    }
}
