package org.conex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.SparseWeights;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a workload the way a user's model runs: build the network from the registry, initialise,
 * {@link Simulation#simulate} the steps. Each run builds a fresh network with the same seed, so
 * every run must produce the same summary; the first {@code warmups} runs let the JIT compile the
 * kernels and are not counted. Between runs the finished network's arrays are closed and the
 * garbage collector is asked to run, outside the timed region.
 */
final class BenchRunner {
    /** Master seed of every benchmark network. */
    static final long SEED = 42;
    private static final int PROFILE_RUNS = 3;

    private final BehaviorLookup behaviors;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private double firstStepAfterStart = Double.NaN;

    BenchRunner(BehaviorLookup behaviors) {
        this.behaviors = behaviors;
    }

    /**
     * Seconds from JVM start to the end of the first simulated step of the first run of this
     * runner (NaN before any run).
     */
    double firstStepAfterStart() {
        return firstStepAfterStart;
    }

    /**
     * Builds the workload {@value #PROFILE_RUNS} more times and profiles its steps behavior by
     * behavior (see {@link StepProfile}); the last run is reported (the earlier ones warm up the
     * profiling loop). Not part of the timed runs.
     */
    java.util.List<StepProfile.Entry> profile(Workload w) {
        java.util.List<StepProfile.Entry> p = null;
        for (int r = 0; r < PROFILE_RUNS; r++) {
            Network net = w.build(behaviors, SEED);
            Simulation sim = new Simulation(net);
            sim.initialize();
            p = StepProfile.run(sim, w.steps());
            release(net);
        }
        return p;
    }

    BenchResult run(Workload w, int warmups, int runs) {
        ProcessMemory.resetPeak();
        double[] build = new double[warmups + runs];
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        Map<String, Object> summary = null;
        boolean deterministic = true;
        long events = 0;
        long synapses = 0;
        for (int r = 0; r < warmups + runs; r++) {
            long b0 = System.nanoTime();
            Network net = w.build(behaviors, SEED);
            Simulation sim = new Simulation(net);
            sim.initialize();
            long b1 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (Double.isNaN(firstStepAfterStart)) {
                sim.step();
                firstStepAfterStart = (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
                sim.simulate(w.steps() - 1L);
            } else {
                sim.simulate(w.steps());
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            build[r] = (b1 - b0) / 1e9;
            if (r >= warmups) {
                wall[r - warmups] = (t1 - t0) / 1e9;
                cpu[r - warmups] = (c1 - c0) / 1e9;
            }
            Map<String, Object> s = w.summary(net);
            if (summary == null) {
                summary = s;
            } else if (!summary.equals(s)) {
                deterministic = false;
            }
            events = w.synapticEvents(net);
            synapses = w.synapses(net);
            release(net);
        }
        Stats sim = Stats.of(wall);
        return new BenchResult(w.name(), w.description(), w.steps(), synapses, runs, Stats.of(build).median(), sim,
                Stats.of(cpu), w.steps() / sim.median(), events / sim.median(), ProcessMemory.peakResidentBytes(),
                summary, deterministic);
    }

    /** Frees the native memory of the network's arrays now instead of whenever the GC finds them. */
    static void release(Network net) {
        for (NetworkObject o : net.allObjects()) {
            for (String name : o.variables()) {
                Object v = o.get(name);
                INDArray a = v instanceof SparseWeights ? ((SparseWeights) v).values()
                        : v instanceof INDArray ? (INDArray) v : null;
                if (a != null && a.closeable()) {
                    a.close();
                }
            }
        }
        System.gc();
    }
}
