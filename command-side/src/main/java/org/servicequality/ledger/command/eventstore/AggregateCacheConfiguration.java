package org.servicequality.ledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One cache for every aggregate type ({@code @Aggregate(cache = "aggregateCache")}): an aggregate id is unique in
 * the event store across types (its stream is keyed by id alone), so the types cannot collide in it.
 *
 * <p>It assumes this process is the only one appending to the event store, which the single process and the
 * scaled-out mode's one command side are: an aggregate changed by another process would be stale here, and the next
 * command on it would fail on the store's unique (aggregate, sequence) key (its unit of work rolls back, which
 * evicts the entry, so a retry loads the current state).
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    /** Cases being worked on at once are far fewer; an aggregate takes about a kilobyte. */
    private static final int CACHED_AGGREGATES = 10_000;

    @Bean
    Cache aggregateCache() {
        return new BoundedAggregateCache(CACHED_AGGREGATES);
    }
}
