package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.structure.InputBatch;
import org.conex.api.structure.Structure;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;
import org.conex.structures.layer.SpikeNdDataset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** InputLayer structure and the SpikeNdDataset data contract (core.md §4.9, behaviors.md §5, spec test 22). */
class InputLayerTest {
    /** Frames of 2x3 pixels; pixel p of frame f is on iff (p + f) % 3 == 0. B instances of T frames each. */
    static INDArray frames(int b, int t) {
        boolean[] bits = new boolean[b * t * 6];
        for (int f = 0; f < b * t; f++) {
            for (int p = 0; p < 6; p++) {
                bits[f * 6 + p] = (p + f) % 3 == 0;
            }
        }
        return Tensors.bools(bits, b, t, 2, 3);
    }

    static boolean[] frame(int f) {
        boolean[] bits = new boolean[6];
        for (int p = 0; p < 6; p++) {
            bits[p] = (p + f) % 3 == 0;
        }
        return bits;
    }

    static boolean[] spikes(NeuronGroup g) {
        double[] d = Tensors.toDoubles(g.array("spikes"));
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] != 0;
        }
        return out;
    }

    private static InputLayer layer(Network net, Map<String, Object> extra) {
        Map<String, Object> p = map("sensory_size", List.of(1, 2, 3), "instance_duration", 3);
        p.putAll(extra);
        InputLayer in = new InputLayer(net, "input", p, BEHAVIORS);
        in.setData(List.of(InputBatch.of(frames(2, 3), Tensors.of(net.dtype(), new double[] {7, 4}, 2))));
        return in;
    }

    @Test
    void structureTagsPopulationAndBehaviors() {
        Network net = new Network();
        InputLayer in = layer(net, Map.of());
        assertEquals(List.of("input", "InputLayer"), in.tags());
        assertEquals(List.of(320.0), List.copyOf(in.behaviors().keySet()));
        assertEquals("SpikeNdDataset", in.behaviors().get(320.0).name());
        NeuronGroup s = in.sensoryPopulation();
        assertEquals(List.of("input.Sensory", "NeuronGroup", "ng", "Sensory"), s.tags());
        assertEquals(6, s.size());
        assertEquals("1x2x3", s.shape().toString());
        assertEquals(List.of(340.0, 380.0), List.copyOf(s.behaviors().keySet()));
        assertEquals(List.of("SensorySetter", "NeuronAxon"), List.of(s.behaviors().get(340.0).name(),
                s.behaviors().get(380.0).name()));
        assertEquals(in, Structure.parentOf(s));
        assertEquals(in, s.get("layer"));
        assertNull(in.locationPopulation());
        assertEquals(List.of(in), Neocortex.inputLayers(net));
    }

    @Test
    void eachStepPresentsOneFrameAndTheLabelOfItsInstance() {
        Network net = new Network();
        InputLayer in = layer(net, Map.of());
        Simulation sim = new Simulation(net);
        sim.initialize();
        long[] labels = {7, 7, 7, 4, 4, 4, 7, 7};
        for (int step = 1; step <= 8; step++) {
            sim.step();
            int f = (step - 1) % 6;
            assertArrayEquals(frame(f), spikes(in.sensoryPopulation()), "step " + step);
            assertEquals(labels[step - 1], in.scalar("y"), "step " + step);
            assertEquals(f % 3 == 2, in.get("new_data"), "step " + step);
        }
    }

    /** ODD-13: with labels the instance length comes from the batch; a different given one is ignored, with a warning. */
    @Test
    void aGivenInstanceDurationThatLabelsOverrideIsAWarning() {
        Network same = new Network();
        layer(same, Map.of());
        new Simulation(same).initialize();
        assertEquals(List.of(), same.warnings(), "instance_duration 3 = 6 frames / 2 labels");

        Network net = new Network();
        InputLayer in = layer(net, Map.of("instance_duration", 5));
        Simulation sim = new Simulation(net);
        sim.initialize();
        assertEquals(List.of("SpikeNdDataset on 'input': instance_duration = 5 is ignored: with labels each instance"
                + " lasts frames / labels = 6 / 2 = 3 steps, as in the reference (ODD-13)"), net.warnings());
        sim.step();
        sim.step();
        sim.step();
        assertEquals(Boolean.TRUE, in.get("new_data"), "the instance still lasts 3 steps");
    }

    /** The built-in example's case: labelled data and no instance_duration given is no warning. */
    @Test
    void labelledDataWithoutAnInstanceDurationIsNoWarning() {
        Network net = new Network();
        InputLayer in = new InputLayer(net, "input", map("sensory_size", List.of(1, 2, 3)), BEHAVIORS);
        in.setData(List.of(InputBatch.of(frames(2, 3), Tensors.of(net.dtype(), new double[] {7, 4}, 2))));
        new Simulation(net).initialize();
        assertEquals(List.of(), net.warnings());
    }

    @Test
    void silentIntervalInsertsAllFalseStepsAfterEachInstance() {
        Network net = new Network();
        InputLayer in = layer(net, Map.of("silent_interval", 2));
        Simulation sim = new Simulation(net);
        // frames 0,1,2, silent, silent, frames 3,4,5, silent, silent, frame 0 (loop)
        int[] shown = {0, 1, 2, -1, -1, 3, 4, 5, -1, -1, 0};
        long[] y = {7, 7, 7, 7, 7, 4, 4, 4, 4, 4, 7};
        for (int step = 1; step <= shown.length; step++) {
            sim.step();
            boolean[] expected = shown[step - 1] < 0 ? new boolean[6] : frame(shown[step - 1]);
            assertArrayEquals(expected, spikes(in.sensoryPopulation()), "step " + step);
            assertEquals(y[step - 1], in.scalar("y"), "step " + step);
        }
    }

    @Test
    void withoutLoopTheDataIsShownOnceThenTheInputIsSilent() {
        Network net = new Network();
        InputLayer in = layer(net, Map.of("loop", false));
        Simulation sim = new Simulation(net);
        sim.simulate(6);
        assertArrayEquals(frame(5), spikes(in.sensoryPopulation()));
        assertFalse((Boolean) in.get("exhausted"));
        sim.simulate(2);
        assertArrayEquals(new boolean[6], spikes(in.sensoryPopulation()));
        assertTrue((Boolean) in.get("exhausted"));
    }

    @Test
    void unlabelledDataUsesInstanceDuration() {
        Network net = new Network();
        InputLayer in = new InputLayer(net, "input", map("sensory_size", 6, "have_label", false,
                "instance_duration", 2, "silent_interval", 1), BEHAVIORS);
        in.setData(List.of(new InputBatch(frames(1, 4), null, null)));
        Simulation sim = new Simulation(net);
        int[] shown = {0, 1, -1, 2, 3, -1, 0};
        for (int step = 1; step <= shown.length; step++) {
            sim.step();
            boolean[] expected = shown[step - 1] < 0 ? new boolean[6] : frame(shown[step - 1]);
            assertArrayEquals(expected, spikes(in.sensoryPopulation()), "step " + step);
        }
        assertFalse(in.has("y"));
    }

    @Test
    void locationFramesFeedTheLocationPopulation() {
        Network net = new Network();
        InputLayer in = new InputLayer(net, "input", map("sensory_size", 6, "have_location", true,
                "location_size", List.of(2, 3), "location_tag", "where"), BEHAVIORS);
        INDArray labels = Tensors.of(net.dtype(), new double[] {1, 2}, 2);
        // location frames are the sensory frames shifted by one
        INDArray location = frames(1, 7).get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 7)).dup('c');
        in.setData(List.of(new InputBatch(frames(2, 3), location, labels)));
        NeuronGroup loc = in.locationPopulation();
        assertEquals(List.of("input.Location", "NeuronGroup", "ng", "Location", "where"), loc.tags());
        assertEquals("LocationSetter", loc.behaviors().get(340.0).name());
        Simulation sim = new Simulation(net);
        for (int step = 1; step <= 6; step++) {
            sim.step();
            assertArrayEquals(frame(step - 1), spikes(in.sensoryPopulation()), "sensory, step " + step);
            assertArrayEquals(frame(step), spikes(loc), "location, step " + step);
        }

        Network net2 = new Network();
        InputLayer bad = new InputLayer(net2, "input", map("sensory_size", 6, "have_location", true,
                "location_size", 6), BEHAVIORS);
        bad.setData(List.of(new InputBatch(frames(2, 3), frames(1, 5), labels)));
        ConexException e = assertThrows(ConexException.class, () -> new Simulation(net2).initialize());
        assertEquals("SpikeNdDataset on 'input': sensory and location must have the same number of frames, found 6"
                + " and 5", rootMessage(e));
    }

    @Test
    void frameSizeDifferentFromThePopulationIsAnErrorAtInitialization() {
        Network net = new Network();
        InputLayer in = new InputLayer(net, "input", map("sensory_size", 7), BEHAVIORS);
        in.setData(List.of(InputBatch.of(frames(1, 3), Tensors.of(net.dtype(), new double[] {1}, 1))));
        ConexException e = assertThrows(ConexException.class, () -> new Simulation(net).initialize());
        assertEquals("SpikeNdDataset on 'input': sensory frames have 6 values (shape [2, 3]) but population"
                + " 'input.Sensory' has 7 neurons", rootMessage(e));
    }

    @Test
    void missingDataAndLabelsThatDoNotDivideTheFramesAreErrors() {
        Network net = new Network();
        new InputLayer(net, "input", map("sensory_size", 6), BEHAVIORS);
        ConexException e = assertThrows(ConexException.class, () -> new Simulation(net).initialize());
        assertEquals("SpikeNdDataset on 'input': no data: give the input layer an Iterable of InputBatch"
                + " (InputLayer.setData, or a 'data' binding when building from a document)", rootMessage(e));

        Network net2 = new Network();
        InputLayer in = new InputLayer(net2, "input", map("sensory_size", 6), BEHAVIORS);
        in.setData(List.of(InputBatch.of(frames(1, 4), Tensors.of(net2.dtype(), new double[] {1, 2, 3}, 3))));
        e = assertThrows(ConexException.class, () -> new Simulation(net2).initialize());
        assertEquals("SpikeNdDataset on 'input': a batch has 4 frames and 3 labels; the frames must be a whole"
                + " multiple (>= 1) of the labels", rootMessage(e));
    }

    @Test
    void aGivenBehaviorAtPriority320ReplacesTheDataset() {
        Network net = new Network();
        InputLayer in = new InputLayer(net, "input", map("sensory_size", 6, "sensory_axon", ""), BEHAVIORS);
        assertEquals(List.of(340.0), List.copyOf(in.sensoryPopulation().behaviors().keySet()));
        assertEquals(SpikeNdDataset.PRIORITY, in.behaviors().keySet().iterator().next());
    }

    @Test
    void outputLayerCreatesRepresentationAndMotorPopulations() {
        Network net = new Network();
        OutputLayer out = new OutputLayer(net, "out", map("representation_size", List.of(2, 5),
                "motor_size", 3, "motor_tag", "act", "motor_user_defined", List.of(Map.of("type", "LIF",
                        "params", map("R", 1.0, "tau", 5.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0)))),
                BEHAVIORS);
        NeuronGroup r = out.representationPopulation();
        NeuronGroup m = out.motorPopulation();
        assertEquals(10, r.size());
        assertEquals(List.of("out.Representation", "NeuronGroup", "ng", "Representation"), r.tags());
        assertEquals(List.of("out.Motor", "NeuronGroup", "ng", "Motor", "act"), m.tags());
        assertEquals(List.of("SimpleDendriteStructure", "LIF"), List.of(m.behaviors().get(220.0).name(),
                m.behaviors().get(260.0).name()));
        assertEquals(out, m.get("layer"));
        assertEquals(List.of(out), Neocortex.outputLayers(net));
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
