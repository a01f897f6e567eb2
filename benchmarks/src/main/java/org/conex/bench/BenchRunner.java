package org.conex.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.SparseWeights;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a workload the way a user's model runs: build the network from the registry, initialise,
 * {@link Simulation#simulate} the steps. Each run builds a fresh network with the same seed, so
 * every run must produce the same summary; warm-up runs (see {@link #run}) let the JIT compile
 * the kernels and are not counted. Between runs the finished network's arrays are closed and the
 * garbage collector is asked to run, outside the timed region.
 */
final class BenchRunner {
    /** Master seed of every benchmark network. */
    static final long SEED = 42;
    private static final int PROFILE_RUNS = 3;
    /** Minimum simulated seconds of warm-up per workload. */
    static final double WARMUP_SECONDS = 2.0;
    /**
     * Maximum wall seconds of the warm-up phase, builds included: short workloads reach the
     * warm-up seconds of simulation (about 120 runs of conex-1k), while one with an expensive
     * build (simple-lif: 0.2 s per build for 0.02 s of simulation) stops here.
     */
    static final double MAX_WARMUP_WALL_SECONDS = 10.0;
    /** Maximum simulated seconds of extra warm-up while the JIT compiler is still busy. */
    static final double MAX_QUIET_WAIT_SECONDS = 10.0;

    private final BehaviorLookup behaviors;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Startup startup;
    private final double warmupSeconds;
    private final KernelThreads kernelThreads;

    /**
     * @param behaviors     the registry the workloads are built from
     * @param startup       receives the milestones of the first run
     * @param warmupSeconds minimum simulated seconds of warm-up per workload (normally
     *                      {@value #WARMUP_SECONDS})
     * @param kernelThreads the threads every network's kernels may use
     */
    BenchRunner(BehaviorLookup behaviors, Startup startup, double warmupSeconds, KernelThreads kernelThreads) {
        this.behaviors = behaviors;
        this.startup = startup;
        this.warmupSeconds = warmupSeconds;
        this.kernelThreads = kernelThreads;
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
            net.setKernelThreads(kernelThreads);
            Simulation sim = new Simulation(net);
            sim.initialize();
            p = StepProfile.run(sim, w.steps());
            release(net);
        }
        return p;
    }

    /** One run's measurements. */
    private record Run(double build, double wall, double cpu, Map<String, Object> summary, long events,
                       long synapses) {
    }

    /**
     * Measures a workload: warm-up runs until at least {@code warmups} runs and the warm-up
     * seconds of simulation, and until the JIT compiler is quiet (it compiled nothing during the
     * last warm-up run; in a fresh JVM on a busy machine the compiler threads lag behind), for at
     * most {@value #MAX_WARMUP_WALL_SECONDS} s of wall time (builds included; at least
     * {@code warmups} runs) and, once the minimums are met, at most five times the warm-up
     * seconds (and {@value #MAX_QUIET_WAIT_SECONDS} s) more of waiting for the compiler; then
     * {@code runs} measured runs.
     */
    BenchResult run(Workload w, int warmups, int runs) {
        ProcessMemory.resetPeak();
        double warmed = 0;
        double waited = 0;
        int warmupRuns = 0;
        List<Double> build = new ArrayList<>();
        Map<String, Object> summary = null;
        boolean deterministic = true;
        boolean compiling = true;
        double quietWait = Math.min(MAX_QUIET_WAIT_SECONDS, 5 * warmupSeconds);
        long start = System.nanoTime();
        while (warmupRuns < warmups || (System.nanoTime() - start) / 1e9 < MAX_WARMUP_WALL_SECONDS
                && (warmed < warmupSeconds || compiling && waited < quietWait)) {
            boolean minimumsMet = warmupRuns >= warmups && warmed >= warmupSeconds;
            long jit = compilationMillis();
            Run r = once(w);
            compiling = compilationMillis() != jit;
            build.add(r.build());
            warmed += r.wall();
            waited += minimumsMet ? r.wall() : 0;
            warmupRuns++;
            deterministic &= summary == null || summary.equals(r.summary());
            summary = r.summary();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        Run last = null;
        for (int k = 0; k < runs; k++) {
            last = once(w);
            build.add(last.build());
            wall[k] = last.wall();
            cpu[k] = last.cpu();
            deterministic &= summary == null || summary.equals(last.summary());
            summary = last.summary();
        }
        Stats sim = Stats.of(wall);
        double[] builds = build.stream().mapToDouble(Double::doubleValue).toArray();
        return new BenchResult(w.name(), w.description(), w.steps(), last.synapses(), runs, warmupRuns,
                Stats.of(builds).median(), sim, Stats.of(cpu), w.steps() / sim.median(), last.events() / sim.median(),
                ProcessMemory.peakResidentBytes(), summary, deterministic);
    }

    /** Total time the JIT compilers have spent so far (changes while they still compile), or -1. */
    private static long compilationMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : -1;
    }

    private Run once(Workload w) {
        long b0 = System.nanoTime();
        Network net = w.build(behaviors, SEED);
        net.setKernelThreads(kernelThreads);
        Simulation sim = new Simulation(net);
        sim.initialize();
        long b1 = System.nanoTime();
        startup.mark("first_network_initialized");
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        if (Double.isNaN(startup.firstStep())) {
            sim.step();
            startup.mark("first_step_done");
            sim.simulate(w.steps() - 1L);
        } else {
            sim.simulate(w.steps());
        }
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        Run r = new Run((b1 - b0) / 1e9, (t1 - t0) / 1e9, (c1 - c0) / 1e9, w.summary(net), w.synapticEvents(net),
                w.synapses(net));
        release(net);
        return r;
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
