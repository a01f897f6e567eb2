package org.conex.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.Views;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.KernelThreadPool;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;

/** The workloads at tiny sizes: deterministic, active, and the fast paths equal the full sweeps. */
class WorkloadsTest {
    private static final BehaviorLookup REGISTRY = BehaviorRegistry.fromClassPath();

    /** A do-nothing synapse behavior with undeclared weight access: forces WeightClip to sweep all. */
    static final class Undeclared extends Behavior<SynapseGroup> {
        static final BehaviorType TYPE = BehaviorType.builder("Undeclared", Undeclared::new).priority(600)
                .target(Target.SYNAPSE_GROUP).build();

        Undeclared(Params p) {
            super(p);
        }

        @Override
        public void forward(SynapseGroup s) {
        }
    }

    private static Network run(Workload w, boolean fullSweeps) {
        Network net = w.build(REGISTRY, 3);
        if (fullSweeps) {
            for (SynapseGroup s : net.synapseGroups()) {
                s.addBehavior(Undeclared.TYPE.create(Map.of()));
            }
        }
        new Simulation(net).simulate(w.steps());
        return net;
    }

    private static float[] weights(Network net) {
        FloatBuffer b = Views.floats(net.synapseGroups().get(0).array("weights"));
        float[] out = new float[b.capacity()];
        b.get(0, out);
        return out;
    }

    @Test
    void corticalWorkloadIsActiveAndTheEventDrivenClipEqualsTheFullOne() {
        CortexWorkload w = new CortexWorkload("conex-tiny", 80, 400);
        Network fast = run(w, false);
        Network full = run(w, true);
        Map<String, Object> summary = w.summary(fast);
        assertEquals(summary, w.summary(full));
        assertArrayEquals(weights(full), weights(fast));
        assertTrue((Long) summary.get("input_spikes") > 100 && (Long) summary.get("exc_spikes") > 100,
                "both layers must spike: " + summary);
        assertEquals((Long) summary.get("input_spikes") * 80, w.synapticEvents(fast));
        assertEquals(20L * 80, w.synapses(fast));
    }

    @Test
    void paperWorkloadsAreDeterministicAndActive() {
        for (Workload w : List.of(new SimpleLifWorkload(300, 60), new IzhikevichWorkload(200, 120))) {
            Map<String, Object> a = w.summary(run(w, false));
            Map<String, Object> b = w.summary(run(w, false));
            assertEquals(a, b, w.name());
            assertTrue((Long) a.get("spikes") > 50, w.name() + " must spike: " + a);
        }
    }

    /** Counts the calls that were split into several parts, and passes them to a real pool. */
    static final class CountingThreads implements KernelThreads {
        private final KernelThreads pool;
        int splitCalls;

        CountingThreads(KernelThreads pool) {
            this.pool = pool;
        }

        @Override
        public int count() {
            return pool.count();
        }

        @Override
        public void run(int parts, Part part) {
            splitCalls += parts > 1 ? 1 : 0;
            pool.run(parts, part);
        }
    }

    @Test
    void kernelThreadsChangeNothingInTheResults() {
        // sizes at which RowSums and the column walk are split (RowSums.PARALLEL_MIN, ColumnUpdates.PARALLEL_MIN)
        for (Workload w : List.of(new SimpleLifWorkload(3000, 60), new IzhikevichWorkload(2500, 150),
                new CortexWorkload("conex-4k-short", 4000, 60))) {
            Network one = w.build(REGISTRY, 3);
            new Simulation(one).simulate(w.steps());
            try (KernelThreadPool pool = new KernelThreadPool(3)) {
                CountingThreads threads = new CountingThreads(pool);
                Network many = w.build(REGISTRY, 3);
                many.setKernelThreads(threads);
                new Simulation(many).simulate(w.steps());
                assertTrue(threads.splitCalls >= 10, w.name() + ": split calls " + threads.splitCalls);
                assertEquals(w.summary(one), w.summary(many), w.name());
                assertArrayEquals(weights(one), weights(many), w.name());
                BenchRunner.release(many);
            }
            BenchRunner.release(one);
        }
    }

    @Test
    void commandLineErrorsExitWithTwoAndUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, BenchMain.run(new String[] {"nosuch"}, out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown workload 'nosuch'; known: simple-lif"));
        assertEquals(2, BenchMain.run(new String[] {"--runs", "0"}, out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--runs needs a positive integer, found '0'"));
        assertEquals(2, BenchMain.run(new String[] {"--threads", "0"}, out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads needs an integer from 1 to 64, found '0'"));
        assertEquals(0, BenchMain.run(new String[] {"--help"}, out, e));
    }

    @Test
    void statsTakeTheMiddleValue() {
        assertEquals(new Stats(2, 1, 5), Stats.of(new double[] {5, 1, 2}));
        assertEquals(new Stats(2.5, 1, 5), Stats.of(new double[] {5, 1, 2, 3}));
    }
}
