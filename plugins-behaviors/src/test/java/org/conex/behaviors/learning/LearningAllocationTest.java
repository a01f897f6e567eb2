package org.conex.behaviors.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * The learning kernels allocate nothing per step once warmed up (views and index buffers are
 * cached). Measured with the JVM's per-thread allocation counter around direct forward calls.
 */
class LearningAllocationTest {
    @Test
    void steadyStateStepsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random rnd = new Random(9);
        int n = 24;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() : 0;
            }
        }
        double[] v = new double[n];
        List<Behavior<?>> kernels = new ArrayList<>();
        Object[][] rules = {
            {SimpleSTDP.TYPE, "dense"}, {One2OneSTDP.TYPE, "vector"}, {SparseSTDP.TYPE, "sparse"},
            {SimpleRSTDP.TYPE, "dense"}, {One2OneRSTDP.TYPE, "vector"}, {SparseRSTDP.TYPE, "sparse"},
            {SimpleiSTDP.TYPE, "dense"}, {One2OneiSTDP.TYPE, "vector"}, {SparseiSTDP.TYPE, "sparse"},
        };
        for (DType dtype : DType.values()) {
            for (Object[] r : rules) {
                BehaviorType type = (BehaviorType) r[0];
                LearningFixture f = new LearningFixture(dtype, n, n).dopamine(0.5).traceTaus(5, 5);
                switch ((String) r[1]) {
                    case "dense": f.dense(w); break;
                    case "vector": f.vector(v); break;
                    default: f.sparse(w);
                }
                f.traces(SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, n)),
                        SimpleSTDPTest.toDouble(SimpleSTDPTest.randomTrace(rnd, n)))
                        .spikes(SimpleSTDPTest.randomSpikes(rnd, n, 0.3), SimpleSTDPTest.randomSpikes(rnd, n, 0.3));
                String name = type.name();
                kernels.add(name.endsWith("iSTDP") ? f.add(type, "rho", 5.0, "lr", 1e-4)
                        : name.endsWith("RSTDP") ? f.add(type, "a_plus", 0.01, "a_minus", 0.01, "tau_c", 5.0,
                                "positive_bound", "soft_bound", "negative_bound", "hard_bound")
                        : f.add(type, "a_plus", 0.01, "a_minus", 0.01, "positive_bound", "soft_bound"));
                f.sim.initialize();
            }
        }
        run(kernels, 3_000);
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        run(kernels, 1_000);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // one 16-byte object per kernel and step would be 288 KB
        assertTrue(allocated < 32 * 1024, "1,000 steps of 18 kernels allocated " + allocated + " bytes");
    }

    private static void run(List<Behavior<?>> kernels, int steps) {
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < kernels.size(); k++) {
                @SuppressWarnings("unchecked")
                Behavior<SynapseGroup> b = (Behavior<SynapseGroup>) kernels.get(k);
                b.forward(b.owner());
            }
        }
    }
}
