package org.servicequality.ledger.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a figure was measured on: the hardware, the JVM and how busy the machine was. The machines this runs on
 * are shared, so the load average goes with every figure.
 */
final class Machine {

    private Machine() {
    }

    static String hardware() {
        long memoryKiB = procValue(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kibibytes).orElse(-1L);
        String cpu = procValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, memoryKiB / 1024.0 / 1024.0,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    static String jvm() {
        return String.format(Locale.ROOT, "%s %s (%s), max heap %d MiB", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    /** The 1, 5 and 15 minute load averages, for example "5.12 4.80 4.01". */
    static String loadAverage() {
        try {
            List<String> fields = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"));
            return String.join(" ", fields.subList(0, 3));
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    /** The resident set of a process in MiB (VmRSS in /proc/PID/status), or -1 where /proc is not available. */
    static double residentMiB(long pid) {
        return procValue(Path.of("/proc", Long.toString(pid), "status"), "VmRSS")
                .map(value -> kibibytes(value) / 1024.0).orElse(-1.0);
    }

    private static Optional<String> procValue(Path file, String key) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "24576000 kB" to 24576000. */
    private static long kibibytes(String value) {
        return Long.parseLong(value.replace("kB", "").trim());
    }
}
