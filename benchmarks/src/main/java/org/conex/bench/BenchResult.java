package org.conex.bench;

import java.util.Map;

/**
 * The measurements of one workload.
 *
 * @param name             workload name
 * @param description      model and size in words
 * @param steps            simulated steps per run
 * @param synapses         number of synapses
 * @param runs             measured runs (after the warm-up runs)
 * @param warmupRuns       unmeasured runs before them
 * @param buildSeconds     building and initializing the network (median over all runs)
 * @param simSeconds       wall-clock simulation time of the measured runs
 * @param cpuSeconds       CPU time of the simulating thread in the measured runs (less affected
 *                         by other processes on a shared machine than wall time)
 * @param stepsPerSecond   steps / median simulation time
 * @param eventsPerSecond  synaptic events / median simulation time
 * @param peakResidentBytes peak resident memory while the workload ran (VmHWM; -1 if unknown)
 * @param summary          deterministic result (identical in every run, else {@code deterministic} is false)
 * @param deterministic    whether every run produced the same summary
 */
record BenchResult(String name, String description, int steps, long synapses, int runs, int warmupRuns,
                   double buildSeconds,
                   Stats simSeconds, Stats cpuSeconds, double stepsPerSecond, double eventsPerSecond,
                   long peakResidentBytes, Map<String, Object> summary, boolean deterministic) {
}
