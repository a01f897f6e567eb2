package org.conex.api.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
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
}
