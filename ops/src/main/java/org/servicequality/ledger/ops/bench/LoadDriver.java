package org.servicequality.ledger.ops.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Drives HTTP requests from several client threads for a while and records their latency in an HDR histogram,
 * printing progress as it goes.
 *
 * <p>Open loop (a fixed rate): each client has a schedule, and a request's latency counts from the moment it was
 * due, not from when a late client got round to sending it; otherwise a stalled server would hide its stall by
 * slowing the clients down (coordinated omission). Closed loop (rate 0): every client sends its next request as
 * soon as the previous one is answered, which measures the most the server can take.
 */
final class LoadDriver {

    /** Produces one client's requests; told each answer so that it can follow up on what it created. */
    interface Client {
        HttpTarget.Request next();

        void answered(HttpTarget.Request request, HttpTarget.Answer answer);
    }

    /**
     * @param unsent requests of an open-loop run that were still due when the run ended because the clients were
     *               behind schedule: not sent, but their latency is recorded as the time they had waited by then
     */
    record Result(String name, int clients, double targetRate, double seconds, long requests, long unsent, long failures,
                  List<String> failureSamples, Histogram latencyMicros, String loadAverage) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %d clients, %s, %.1f s: %,d requests answered (%,.0f/s), %d failed, %,d not sent "
                            + "(behind schedule); latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; load average %s",
                    name, clients, targetRate > 0 ? String.format(Locale.ROOT, "open loop at %.0f/s", targetRate) : "closed loop",
                    seconds, requests, throughput(), failures, unsent, percentileMillis(50), percentileMillis(95), percentileMillis(99),
                    maxMillis(), loadAverage);
        }
    }

    private static final int FAILURE_SAMPLES = 5;

    private final HttpTarget target;
    private final PrintStream out;
    private final Duration progressEvery;

    LoadDriver(HttpTarget target, PrintStream out, Duration progressEvery) {
        this.target = target;
        this.out = out;
        this.progressEvery = progressEvery;
    }

    /** @param rate requests per second over all clients; 0 for closed loop */
    Result run(String name, int clients, double rate, Duration duration, IntFunction<Client> newClient) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + duration.toNanos();
        long interval = rate > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) * clients / rate) : 0;
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < clients; index++) {
            Client client = newClient.apply(index);
            long firstDue = start + (interval * index) / clients;
            Thread thread = new Thread(() -> {
                long due = firstDue;
                while (true) {
                    long sent;
                    if (interval > 0) {
                        if (due >= end) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now >= end) {
                            // Behind schedule at the end: the requests still due would have waited at least this long.
                            for (; due < end; due += interval) {
                                recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(now - due)));
                                unsent.incrementAndGet();
                            }
                            return;
                        }
                        LockSupport.parkNanos(due - now);
                        sent = due;
                        due += interval;
                    } else {
                        sent = System.nanoTime();
                        if (sent >= end) {
                            return;
                        }
                    }
                    HttpTarget.Request request = client.next();
                    String failure = null;
                    try {
                        HttpTarget.Answer answer = target.send(request);
                        client.answered(request, answer);
                        if (!answer.succeeded()) {
                            failure = request.path() + " -> " + answer.status() + " " + answer.body();
                        }
                    } catch (IOException noAnswer) {
                        failure = request.path() + " -> " + noAnswer;
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                    recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent)));
                    requests.incrementAndGet();
                    if (failure != null) {
                        failures.incrementAndGet();
                        if (failureSamples.size() < FAILURE_SAMPLES) {
                            failureSamples.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
                        }
                    }
                }
            }, "bench-" + name + "-" + index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long reported = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long waitUntil = System.nanoTime() + progressEvery.toNanos();
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitUntil - System.nanoTime())));
            }
            Histogram lastInterval = recorder.getIntervalHistogram();
            total.add(lastInterval);
            long done = requests.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "  %s: %5.1f s, %,d requests (%,.0f/s in the last interval), p99 of the interval %.1f ms, %d failed, load %s%n",
                    name, elapsed, done, (done - reported) / (progressEvery.toNanos() / 1e9),
                    lastInterval.getValueAtPercentile(99) / 1000.0, failures.get(), Machine.loadAverage());
            reported = done;
        }
        total.add(recorder.getIntervalHistogram());
        double seconds = (System.nanoTime() - start) / 1e9;
        Result result = new Result(name, clients, rate, seconds, requests.get(), unsent.get(), failures.get(), List.copyOf(failureSamples),
                total, Machine.loadAverage());
        out.println("  " + result.summary());
        failureSamples.forEach(sample -> out.println("    failed: " + sample));
        return result;
    }
}
