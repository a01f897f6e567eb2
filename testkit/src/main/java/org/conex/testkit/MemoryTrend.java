package org.conex.testkit;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Memory samples of a soak test (one per cycle or per stretch of steps) and the checks that memory
 * stays flat: the growth from the end of the warm-up to the last sample, and the least-squares
 * slope over the samples after the warm-up (a leak of a fixed size per cycle or per step is a
 * straight line; allocation noise is not).
 *
 * <p>Each sample is taken by {@link #sample(long)}: a full collection ({@code System.gc()}),
 * then the heap in use right after it as the collector reports it (the sum of the heap pools in
 * {@code GcInfo.getMemoryUsageAfterGc()}, so objects other threads allocate afterwards do not
 * count), the class metadata in use (Metaspace, grows when class loaders leak) and the resident set
 * of the process ({@code VmRSS} of {@code /proc/self/status}: heap pages, ND4J's off-heap buffers,
 * code; -1 where there is no /proc) and the number of loaded classes (after the collection has
 * unloaded those of unreachable class loaders: a leaked plugin generation keeps all of its classes).
 *
 * <p>Sampling is not free: a full collection of a few hundred MB of heap takes tens of
 * milliseconds, so sample every few seconds or every cycle, not every step.
 */
public final class MemoryTrend {
    /**
     * One sample.
     *
     * @param at          the cycle or step it was taken after
     * @param heapAfterGc heap in use after a full collection (bytes)
     * @param metaspace   class metadata in use (bytes; 0 if the JVM has no Metaspace pool)
     * @param rss         resident set size of the process (bytes; -1 if unknown)
     * @param classes     classes loaded now
     */
    public record Sample(long at, long heapAfterGc, long metaspace, long rss, long classes) {
    }

    private final List<Sample> samples = new ArrayList<>();

    /** Takes a sample (full GC first) labelled {@code at}, keeps it and returns it. */
    public synchronized Sample sample(long at) {
        Sample s = new Sample(at, usedHeapAfterGc(), metaspaceUsed(), residentBytes(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        samples.add(s);
        return s;
    }

    /** Adds a sample measured elsewhere (another process, a recorded run). */
    public synchronized void add(Sample s) {
        samples.add(s);
    }

    /** The samples so far, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Growth of {@code metric} from the first sample at or after {@code warmUp} to the last one
     * (negative when it shrank).
     */
    public synchronized long growth(ToLongFunction<Sample> metric, long warmUp) {
        List<Sample> after = after(warmUp);
        return metric.applyAsLong(after.get(after.size() - 1)) - metric.applyAsLong(after.get(0));
    }

    /** Least-squares slope of {@code metric} over the samples at or after {@code warmUp}, per unit of {@code at}. */
    public synchronized double slope(ToLongFunction<Sample> metric, long warmUp) {
        List<Sample> after = after(warmUp);
        double n = after.size();
        double mx = after.stream().mapToDouble(Sample::at).sum() / n;
        double my = after.stream().mapToDouble(metric::applyAsLong).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : after) {
            sxy += (s.at() - mx) * (metric.applyAsLong(s) - my);
            sxx += (s.at() - mx) * (s.at() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    /**
     * Fails unless {@code metric} grew by at most {@code maxGrowth} after the warm-up and its slope
     * after the warm-up is at most {@code maxSlope} per unit of {@code at}. The message names the
     * metric and lists every sample.
     */
    public synchronized void assertFlat(String what, ToLongFunction<Sample> metric, long warmUp, long maxGrowth,
                                        double maxSlope) {
        long g = growth(metric, warmUp);
        double k = slope(metric, warmUp);
        if (g > maxGrowth || k > maxSlope) {
            throw new AssertionError(String.format(Locale.ROOT, "%s is not flat after %d: grew by %,d (limit %,d),"
                    + " slope %,.0f per unit (limit %,.0f)%n%s", what, warmUp, g, maxGrowth, k, maxSlope, table()));
        }
    }

    /** The samples as a table in MB, for test output and failure messages. */
    public synchronized String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%12s %12s %12s %12s %8s%n", "at", "heap MB",
                "metaspace MB", "rss MB", "classes"));
        for (Sample s : samples) {
            sb.append(String.format(Locale.ROOT, "%12d %12.3f %12.2f %12.1f %8d%n", s.at(), s.heapAfterGc() / 1e6,
                    s.metaspace() / 1e6, s.rss() < 0 ? Double.NaN : s.rss() / 1e6, s.classes()));
        }
        return sb.toString();
    }

    private List<Sample> after(long warmUp) {
        List<Sample> after = samples.stream().filter(s -> s.at() >= warmUp).collect(Collectors.toList());
        if (after.size() < 2) {
            throw new IllegalStateException("need at least 2 samples at or after " + warmUp + ", have "
                    + samples.stream().map(Sample::at).collect(Collectors.toList()));
        }
        return after;
    }

    /**
     * Runs a full collection and returns the heap in use right after it, as the collector reports
     * it; falls back to {@code MemoryMXBean} if the collector gives no report.
     */
    public static long usedHeapAfterGc() {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        Map<String, Long> before = new HashMap<>();
        for (GarbageCollectorMXBean gc : gcs) {
            before.put(gc.getName(), gc.getCollectionCount());
        }
        System.gc();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        com.sun.management.GcInfo latest = null;
        for (GarbageCollectorMXBean gc : gcs) {
            if (gc.getCollectionCount() > before.get(gc.getName())
                    && gc instanceof com.sun.management.GarbageCollectorMXBean g) {
                com.sun.management.GcInfo info = g.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    /** Class metadata in use (the Metaspace pool), 0 if the JVM has none. */
    public static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).findFirst().orElse(0);
    }

    /** Resident set size of this process from {@code /proc/self/status} (bytes), or -1 where unavailable. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
