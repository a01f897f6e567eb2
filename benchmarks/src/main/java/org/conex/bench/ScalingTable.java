package org.conex.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.SynapseGroup;
import org.conex.runtime.Simulation;

/**
 * The scaling table of docs/performance.md: simulation cost per step (CPU milliseconds of the
 * simulating thread, the median of {@value #SEGMENTS} segments of {@value #SEGMENT_STEPS} steps after
 * {@value #WARMUP_STEPS} warm-up steps) of the cortical network against the layer size N (LIF
 * neurons; 1k .. 100k) and the {@link Connectivity}, with the bytes each synapse costs (a first,
 * unreported pass of {@value #COMPILE_STEPS} steps over the smallest size compiles the kernels). Cells whose
 * connections would exceed {@value #MAX_SYNAPSES} are skipped (memory), and shown as "-". Ends
 * with the sparse 100k-neuron, 10^7-synapse network (20k Poisson inputs, 80k LIF neurons, density
 * 0.625%).
 */
final class ScalingTable {
    static final int[] SIZES = {1_000, 4_000, 10_000, 30_000, 100_000};
    static final long MAX_SYNAPSES = 30_000_000L;
    static final int WARMUP_STEPS = 50;
    static final int SEGMENT_STEPS = 100;
    static final int SEGMENTS = 3;
    /** Steps of the unreported first pass over the smallest size, which lets the JIT compile. */
    static final int COMPILE_STEPS = 5_000;

    private final BehaviorLookup behaviors;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    ScalingTable(BehaviorLookup behaviors) {
        this.behaviors = behaviors;
    }

    /** Runs every cell, prints the tables and returns one record per measured cell. */
    List<Map<String, Object>> run(PrintStream out) {
        List<Map<String, Object>> cells = new ArrayList<>();
        Connectivity[] kinds = Connectivity.values();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-8s", "N"));
        for (Connectivity c : kinds) {
            head.append(String.format(Locale.ROOT, " %12s", c.label()));
        }
        for (Connectivity c : kinds) {
            Network net = c.build(behaviors, SIZES[0], BenchRunner.SEED);
            new Simulation(net).simulate(COMPILE_STEPS);
            BenchRunner.release(net);
        }
        out.println("cost per step (ms CPU; spikes per step of the LIF layer in parentheses)");
        out.println(head);
        for (int n : SIZES) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s", n / 1000 + "k"));
            for (Connectivity c : kinds) {
                if (c.synapses(n) > MAX_SYNAPSES) {
                    row.append(String.format(Locale.ROOT, " %12s", "-"));
                    continue;
                }
                Map<String, Object> cell = measure(c, c.build(behaviors, n, BenchRunner.SEED), n);
                cells.add(cell);
                row.append(String.format(Locale.ROOT, " %5.3f (%4.0f)", (Double) cell.get("ms_per_step"),
                        (Double) cell.get("spikes_per_step")));
            }
            out.println(row);
        }
        out.println("bytes per synapse (connections and their index arrays, measured)");
        for (Map<String, Object> cell : cells) {
            if ((Integer) cell.get("n") == 10_000) {
                out.printf(Locale.ROOT, "  %-11s %6.2f%n", cell.get("connectivity"), (Double) cell.get("bytes_per_synapse"));
            }
        }
        Network demo = sparse100k();
        Map<String, Object> cell = measure(Connectivity.SPARSE_1, demo, 80_000);
        cell.put("connectivity", "demo: 20k Poisson -> 80k LIF, 0.625%");
        cells.add(cell);
        out.printf(Locale.ROOT, "100k neurons, %d synapses (sparse 0.625%%): %.3f ms per step, %.0f LIF spikes per step,"
                + " %.1f bytes per synapse, built in %.1f s%n", (Long) cell.get("synapses"), (Double) cell.get("ms_per_step"),
                (Double) cell.get("spikes_per_step"), (Double) cell.get("bytes_per_synapse"), (Double) cell.get("build_seconds"));
        return cells;
    }

    /** 20k Poisson inputs to 80k LIF neurons at density 1e7 / (20k * 80k): the 10^7-synapse network. */
    private Network sparse100k() {
        return Connectivity.sparse(behaviors, 20_000, 80_000, 1e7 / (20_000.0 * 80_000), BenchRunner.SEED);
    }

    private Map<String, Object> measure(Connectivity c, Network net, int n) {
        long b0 = System.nanoTime();
        Simulation sim = new Simulation(net);
        sim.initialize();
        double build = (System.nanoTime() - b0) / 1e9;
        sim.simulate(WARMUP_STEPS);
        double[] ms = new double[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            long c0 = threads.getCurrentThreadCpuTime();
            sim.simulate(SEGMENT_STEPS);
            ms[s] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / SEGMENT_STEPS;
        }
        SynapseGroup syn = net.synapseGroup("syn");
        long steps = WARMUP_STEPS + (long) SEGMENTS * SEGMENT_STEPS;
        long synapses = syn.get("weights") instanceof org.conex.api.tensor.SparseWeights
                ? ((org.conex.api.tensor.SparseWeights) syn.get("weights")).nnz() : c.synapses(n);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("n", n);
        cell.put("connectivity", c.label());
        cell.put("neurons", syn.src().size() + syn.dst().size());
        cell.put("synapses", synapses);
        cell.put("ms_per_step", Stats.of(ms).median());
        cell.put("spikes_per_step", Models.spikeCount(net.neuronGroup("exc")) / (double) steps);
        cell.put("bytes_per_synapse", SynapseMemory.bytes(syn) / (double) Math.max(1, synapses));
        cell.put("build_seconds", build);
        BenchRunner.release(net);
        return cell;
    }
}
