package org.conex.api.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

/** Worked examples of spec core.md §2.2 and §2.3, driven by hand (no runtime in api tests). */
class RecorderTest {
    @Test
    void gapWidthAndMaxLength() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 4);
        g.put("v", Tensors.zeros(net.dtype().nd4j(), 4));
        Recorder r = (Recorder) Recorder.TYPE.create(Map.of("variables", List.of("v", "n.v"), "gap_width", 2,
                "max_length", 3));
        g.addBehavior(100, r);
        r.initialize(g);
        for (int t = 1; t <= 7; t++) {
            net.setIteration(t);
            g.array("v").addi(1);
            r.forward(g);
        }
        assertEquals(3, r.length("v"));
        assertArrayEquals(new long[] {3, 4}, r.data("v").shape());
        assertArrayEquals(new double[] {2, 2, 2, 2, 4, 4, 4, 4, 6, 6, 6, 6}, Tensors.toDoubles(r.data("v")));
        assertArrayEquals(Tensors.toDoubles(r.data("v")), Tensors.toDoubles(r.data("n.v")));
    }

    /** core.md 6 #42: a shape change is refused when it happens; a dtype change is promoted. */
    @Test
    void aShapeChangeIsAClearErrorAndADtypeChangeIsPromoted() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 2);
        Recorder r = (Recorder) Recorder.TYPE.create(Map.of("variables", List.of("v")));
        g.addBehavior(100, r);
        r.initialize(g);
        net.setIteration(1);
        g.put("v", Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {1.5, 2}, 2));
        r.forward(g);
        net.setIteration(2);
        g.put("v", Tensors.of(org.conex.api.tensor.DType.FLOAT64, new double[] {0.1, 3}, 2));
        r.forward(g);
        INDArray d = r.data("v");
        assertEquals(org.nd4j.linalg.api.buffer.DataType.DOUBLE, d.dataType());
        assertArrayEquals(new double[] {1.5, 2, 0.1, 3}, Tensors.toDoubles(d));
        net.setIteration(3);
        g.put("v", Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {1, 2, 3}, 3));
        org.conex.api.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.conex.api.ModelException.class, () -> r.forward(g));
        assertEquals("'g'.'v' changed shape from [2] to [3] at step 3; a Recorder needs the same shape in every step",
                e.getMessage());
        assertEquals(2, r.length("v"), "the refused sample is not kept");
    }

    /** A refused variable leaves the other variables of the step unrecorded too: histories keep one length. */
    @Test
    void aRefusedSampleRecordsNoVariableOfThatStep() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 2);
        Recorder r = (Recorder) Recorder.TYPE.create(Map.of("variables", List.of("a", "b")));
        g.addBehavior(100, r);
        r.initialize(g);
        g.put("a", Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {1, 2}, 2));
        g.put("b", Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {3, 4}, 2));
        net.setIteration(1);
        r.forward(g);
        g.put("b", Tensors.of(org.conex.api.tensor.DType.FLOAT32, new double[] {3, 4, 5}, 3));
        net.setIteration(2);
        org.junit.jupiter.api.Assertions.assertThrows(org.conex.api.ModelException.class, () -> r.forward(g));
        assertEquals(1, r.length("a"));
        assertEquals(1, r.length("b"));
    }

    @Test
    void eventRecorderKeepsIterationAndIndexPairs() {
        Network net = new Network();
        NeuronGroup g = net.addNeuronGroup("g", 4);
        EventRecorder r = (EventRecorder) EventRecorder.TYPE.create(Map.of("variables", "s"));
        g.addBehavior(100, r);
        r.initialize(g);
        for (int t = 1; t <= 7; t++) {
            net.setIteration(t);
            boolean[] s = new boolean[4];
            for (int i = 0; i < 4; i++) {
                s[i] = i % 2 == t % 2;
            }
            g.put("s", Tensors.bools(s, 4));
            r.forward(g);
        }
        assertArrayEquals(new long[] {14, 2}, r.data("s").shape());
        assertArrayEquals(new long[] {1, 1, 2, 2}, java.util.Arrays.copyOf(r.times("s"), 4));
        assertArrayEquals(new long[] {1, 3, 0, 2}, java.util.Arrays.copyOf(r.indices("s"), 4));
        assertEquals(7, r.times("s")[13]);
        assertEquals(3, r.indices("s")[13]);
    }

    /** Steps t = from..to: v[i] += 1 + i, x = t / 4, spikes s[i] = (i + t) % 3 == 0. */
    private static void drive(NeuronGroup g, Recorder r, EventRecorder e, int from, int to) {
        for (int t = from; t <= to; t++) {
            g.network().setIteration(t);
            for (int i = 0; i < 3; i++) {
                g.array("v").putScalar(i, g.array("v").getDouble(i) + 1 + i);
            }
            g.put("x", t / 4.0);
            boolean[] s = new boolean[3];
            for (int i = 0; i < 3; i++) {
                s[i] = (i + t) % 3 == 0;
            }
            g.put("s", Tensors.bools(s, 3));
            r.forward(g);
            e.forward(g);
        }
    }

    private static NeuronGroup group(Network net) {
        NeuronGroup g = net.addNeuronGroup("g", 3);
        g.put("v", Tensors.zeros(net.dtype().nd4j(), 3));
        g.put("x", 0.0);
        return g;
    }

    private static Recorder recorder() {
        return (Recorder) Recorder.TYPE.create(Map.of("variables", List.of("v", "x"), "gap_width", 3, "max_length", 4));
    }

    @Test
    void savedStateRestoresSamplesAndTheGapPhase() {
        Network a = new Network();
        NeuronGroup ga = group(a);
        Recorder ra = ga.addBehavior(100, recorder());
        EventRecorder ea = ga.addBehavior(101, (EventRecorder) EventRecorder.TYPE.create(Map.of("variables", "s")));
        ra.initialize(ga);
        ea.initialize(ga);
        drive(ga, ra, ea, 1, 7);
        Map<String, INDArray> savedR = ra.saveState();
        Map<String, INDArray> savedE = ea.saveState();
        assertEquals(java.util.Set.of("counter", "samples_0", "samples_1"), savedR.keySet());
        assertEquals(1, savedR.get("counter").getLong(0), "steps 1..7 with gap 3: step 7 is one past the last sample");
        drive(ga, ra, ea, 8, 16);

        Network b = new Network();
        NeuronGroup gb = group(b);
        Recorder rb = gb.addBehavior(100, recorder());
        EventRecorder eb = gb.addBehavior(101, (EventRecorder) EventRecorder.TYPE.create(Map.of("variables", "s")));
        rb.initialize(gb);
        eb.initialize(gb);
        drive(gb, rb, eb, 1, 7); // the variables as they were at step 7; the recorders are then overwritten
        rb.clear();
        eb.clear();
        rb.restoreState(savedR);
        eb.restoreState(savedE);
        assertEquals(2, rb.length("v"));
        drive(gb, rb, eb, 8, 16);

        for (String v : List.of("v", "x")) {
            assertArrayEquals(ra.data(v).shape(), rb.data(v).shape(), v);
            assertEquals(ra.data(v).dataType(), rb.data(v).dataType(), v);
            assertArrayEquals(Tensors.toDoubles(ra.data(v)), Tensors.toDoubles(rb.data(v)), v);
        }
        assertArrayEquals(new double[] {1.5, 2.25, 3.0, 3.75}, Tensors.toDoubles(rb.data("x")), "steps 6, 9, 12, 15");
        assertArrayEquals(new long[] {4}, rb.data("x").shape());
        assertArrayEquals(new long[] {4, 3}, rb.data("v").shape());
        assertArrayEquals(ea.data("s").shape(), eb.data("s").shape());
        assertArrayEquals(ea.times("s"), eb.times("s"));
        assertArrayEquals(ea.indices("s"), eb.indices("s"));
        assertEquals(16, eb.times("s").length, "one spike per step, 16 steps");
    }
}
