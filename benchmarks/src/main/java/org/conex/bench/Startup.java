package org.conex.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start-up milestones in seconds since the JVM started (its recorded start time, so class loading
 * and JIT warm-up before {@code main} are included): entering the command, the behavior registry
 * loaded, the first network built and initialised (this is where ND4J's native backend loads), and
 * the first simulated step done. The first workload run on the command line is the one measured.
 */
final class Startup {
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Double> marks = new LinkedHashMap<>();

    /** Records milestone {@code name} now, unless it was recorded before. */
    void mark(String name) {
        marks.putIfAbsent(name, (System.currentTimeMillis() - jvmStart) / 1e3);
    }

    /** The milestones in order, seconds since JVM start. */
    Map<String, Double> marks() {
        return marks;
    }

    /** Seconds from JVM start to the end of the first simulated step, NaN before it. */
    double firstStep() {
        return marks.getOrDefault("first_step_done", Double.NaN);
    }
}
