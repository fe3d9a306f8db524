package org.servicequality.ledger.ops.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The public intake is open to anyone, so each client address gets a token bucket (Bucket4j): a burst, then a
 * steady rate; above it, 429 with {@code Retry-After}. The client address is the connection's (behind a proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's). Buckets of the least recently seen
 * addresses are dropped beyond a bound, so many addresses cannot exhaust memory.
 */
final class PublicIntakeRateLimit extends OncePerRequestFilter {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    PublicIntakeRateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = bucketOf(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1)));
        ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limit.exceeded",
                "Too many submissions from your address; please try again later.");
    }

    private synchronized Bucket bucketOf(String address) {
        return buckets.computeIfAbsent(address, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
