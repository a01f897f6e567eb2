package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.conex.behaviors.learning.SimpleSTDP;
import org.junit.jupiter.api.Test;

/**
 * WeightClip visiting only the reported rows/columns (and SimpleSTDP clamping for it) gives the
 * same weights, bit for bit, as the full clip of every step; untrusted schedules fall back to it.
 */
class WeightClipEventDrivenTest {
    private static final int S = 7;
    private static final int D = 9;

    /** A behavior with a forward that leaves its weight access undeclared (UNKNOWN). */
    static final class Opaque extends Behavior<SynapseGroup> {
        static Consumer<SynapseGroup> action = s -> { };

        Opaque(Params p) {
            super(p);
        }

        @Override
        public void forward(SynapseGroup s) {
            action.accept(s);
        }
    }

    /** A behavior with a forward that declares it never writes the weights. */
    static final class Reader extends Behavior<SynapseGroup> {
        Reader(Params p) {
            super(p);
        }

        @Override
        public void forward(SynapseGroup s) {
        }
    }

    static final BehaviorType OPAQUE = BehaviorType.builder("Opaque", Opaque::new).priority(600)
            .target(Target.SYNAPSE_GROUP).build();
    static final BehaviorType READER = BehaviorType.builder("Reader", Reader::new).priority(520)
            .target(Target.SYNAPSE_GROUP).weightAccess(WeightAccess.NONE).build();

    /** STDP + clip on random spikes and traces; {@code extra} attaches what makes the variant. */
    private static float[][] run(BehaviorType extra, int steps) {
        return run(S, extra, steps, 0, s -> { });
    }

    /**
     * @param nSrc          source neurons (from about 90 the silent rows take the column walk)
     * @param traceFloor    lowest random trace value (below 0: some increments are negative)
     * @param between       run on the synapse after every step (an external write, say)
     */
    private static float[][] run(int nSrc, BehaviorType extra, int steps, double traceFloor,
                                 Consumer<SynapseGroup> between) {
        SynapseFixture f = new SynapseFixture(nSrc, D);
        Random r = new Random(11);
        double[] w = new double[nSrc * D];
        for (int i = 0; i < w.length; i++) {
            w[i] = -0.3 + 1.6 * r.nextDouble();
        }
        f.putFloats("weights", w, nSrc, D);
        f.putBools("pre_spike", new boolean[nSrc]);
        f.putBools("post_spike", new boolean[D]);
        f.putFloats("pre_trace", new double[nSrc], nSrc);
        f.putFloats("post_trace", new double[D], D);
        f.add(SimpleSTDP.TYPE, params("a_plus", 0.25, "a_minus", 0.2));
        f.add(WeightClip.TYPE, Map.of());
        if (extra != null) {
            f.add(extra, Map.of());
        }
        f.initialize();
        float[][] history = new float[steps][];
        for (int t = 0; t < steps; t++) {
            randomize(f.syn, "pre_spike", "pre_trace", nSrc, r, traceFloor);
            randomize(f.syn, "post_spike", "post_trace", D, r, traceFloor);
            f.step();
            FloatBuffer b = Views.floats(f.syn.array("weights"));
            history[t] = new float[nSrc * D];
            b.get(0, history[t]);
            between.accept(f.syn);
        }
        return history;
    }

    private static void randomize(SynapseGroup s, String spikes, String trace, int n, Random r, double floor) {
        ByteBuffer sp = Views.bools(s.array(spikes));
        FloatBuffer tr = Views.floats(s.array(trace));
        for (int i = 0; i < n; i++) {
            sp.put(i, r.nextInt(4) == 0 ? (byte) 1 : 0);
            tr.put(i, (float) (floor + (1 - floor) * r.nextDouble()));
        }
    }

    @Test
    void eventDrivenAndClampedEqualTheFullClipEveryStep() {
        float[][] full = run(OPAQUE, 40);
        float[][] eventDriven = run(null, 40);
        float[][] notClamped = run(READER, 40);
        for (int t = 0; t < full.length; t++) {
            assertArrayEquals(full[t], eventDriven[t], "step " + (t + 1));
            assertArrayEquals(full[t], notClamped[t], "step " + (t + 1));
        }
        for (float x : full[full.length - 1]) {
            assertTrue(x >= 0 && x <= 1);
        }
    }

    @Test
    void theColumnWalkWithTheUpperBoundOnlyEqualsTheFullClipEveryStep() {
        // 120 sources: about 90 silent rows per step, so the potentiation walks the columns, and with
        // offered bounds and non-negative traces applies only the upper bound (the lower one cannot
        // be crossed); negative traces take the full clamp. Weights start outside the bounds, and
        // between steps a script writes values below, above and at a signed zero and calls markAll:
        // the clip's next visit sweeps them, so every step still equals the full clip, bit for bit.
        int nSrc = 120;
        Consumer<SynapseGroup> script = s -> {
            FloatBuffer b = Views.floats(s.array("weights"));
            b.put(3, -0.5f);
            b.put(nSrc * D / 2, 1.5f);
            b.put(nSrc * D - 1, -0f);
            s.weightChanges().markAll();
        };
        for (double floor : new double[] {0, -0.5}) {
            for (Consumer<SynapseGroup> between : java.util.List.<Consumer<SynapseGroup>>of(s -> { }, script)) {
                float[][] full = run(nSrc, OPAQUE, 30, floor, between);
                float[][] eventDriven = run(nSrc, null, 30, floor, between);
                for (int t = 0; t < full.length; t++) {
                    assertArrayEquals(full[t], eventDriven[t], "trace floor " + floor + ", step " + (t + 1));
                }
                for (float x : eventDriven[eventDriven.length - 1]) {
                    assertTrue(x >= 0 && x <= 1, "in bounds: " + x);
                }
            }
        }
    }

    @Test
    void offersBoundsOnlyToASingleWriterDirectlyBeforeIt() {
        SynapseFixture f = new SynapseFixture(2, 2);
        f.putFloats("weights", new double[] {0, 0, 0, 0}, 2, 2);
        f.putBools("pre_spike", false, false);
        f.putBools("post_spike", false, false);
        f.putFloats("pre_trace", new double[2], 2);
        f.putFloats("post_trace", new double[2], 2);
        f.add(SimpleSTDP.TYPE, params("a_plus", 0.1, "a_minus", 0.1));
        Behavior<?> clip = f.add(WeightClip.TYPE, Map.of());
        f.step();
        assertTrue(f.syn.weightChanges().offeredBy(clip));
        assertTrue(f.syn.weightChanges().boundsOffered(f.net.structureVersion()));
        f.add(READER, Map.of());
        f.step();
        assertFalse(f.syn.weightChanges().offeredBy(clip), "a behavior between writer and clip may read the weights");
    }

    @Test
    void anUndeclaredWriterIsStillClipped() {
        Opaque.action = s -> Views.floats(s.array("weights")).put(3, 5f);
        try {
            SynapseFixture f = new SynapseFixture(2, 2);
            f.putFloats("weights", new double[] {0.5, 0.5, 0.5, 0.5}, 2, 2);
            f.add(WeightClip.TYPE, Map.of());
            f.add(BehaviorType.builder("Opaque", Opaque::new).priority(530).target(Target.SYNAPSE_GROUP).build(),
                    Map.of());
            f.step();
            f.step();
            assertEquals(1.0, f.values("weights")[3]);
        } finally {
            Opaque.action = s -> { };
        }
    }

    @Test
    void weightsWrittenWithPutAreClippedWhole() {
        SynapseFixture f = new SynapseFixture(2, 2);
        f.putFloats("weights", new double[] {0.5, 0.5, 0.5, 0.5}, 2, 2);
        f.putBools("pre_spike", false, false);
        f.putBools("post_spike", false, false);
        f.putFloats("pre_trace", new double[2], 2);
        f.putFloats("post_trace", new double[2], 2);
        f.add(SimpleSTDP.TYPE, params("a_plus", 0.1, "a_minus", 0.1));
        f.add(WeightClip.TYPE, Map.of());
        f.step();
        f.syn.put("weights", Tensors.of(f.net.dtype(), new double[] {7, -1, 0.25, 2}, 2, 2));
        f.step();
        assertArrayEquals(new double[] {1, 0, 0.25, 1}, f.values("weights"));
    }
}
