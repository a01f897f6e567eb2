package org.conex.behaviors.state;

import static org.conex.behaviors.state.StatefulNetwork.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Checkpointable;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.behaviors.drivers.InputSequence;
import org.conex.behaviors.neurons.ActivityBaseHomeostasis;
import org.conex.behaviors.neurons.NeuronAxon;
import org.conex.behaviors.neurons.SimpleDendriteStructure;
import org.conex.behaviors.synapses.DelayInitializer;
import org.conex.behaviors.synapses.SynapseInit;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each piece of behavior-held state on its own: the exact arrays it saves (logical order, shapes,
 * types), that a restored fresh instance continues exactly like the original, and that a state of
 * another configuration is refused with a message naming the holder, the key, what was expected
 * and what was found, leaving the state untouched.
 */
class CheckpointableStateTest {
    private static final double[][] SPIKES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}};

    /** A network with group {@code g} of 3 neurons whose spikes cycle through {@link #SPIKES}. */
    private static final class Spiking {
        final Network net = new Network("net", DType.FLOAT32, SynapseMode.SxD, 5L);
        final NeuronGroup g = net.addNeuronGroup("g", 3);
        final Simulation sim = new Simulation(net);

        Spiking() {
            g.addBehavior(340, InputSequence.TYPE.create(params("variable", "spikes", "dtype", "bool",
                    "values", List.of(SPIKES))));
        }

        Spiking with(BehaviorType type, Object... kv) {
            g.addBehavior(type.create(params(kv)));
            return this;
        }

        Spiking init() {
            sim.initialize();
            return this;
        }

        Spiking steps(int n) {
            sim.simulate(n);
            return this;
        }
    }

    private static Checkpointable axon(Spiking s) {
        return (Checkpointable) s.g.get("axon");
    }

    private static boolean[][] history(NetworkObject g) {
        AxonHistory h = g.attr("axon", AxonHistory.class);
        boolean[][] out = new boolean[h.maxDelay()][h.size()];
        for (int d = 0; d < h.maxDelay(); d++) {
            for (int i = 0; i < h.size(); i++) {
                out[d][i] = h.spiked(d, i);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ NeuronAxon history

    @Test
    void theSpikeHistorySavesRowsByDelayAndARestoredOneContinuesIdentically() {
        Spiking a = new Spiking().with(NeuronAxon.TYPE, "max_delay", 3).init().steps(4);

        Map<String, INDArray> saved = axon(a).saveState();

        assertEquals(Set.of("spikes_by_delay"), saved.keySet());
        INDArray rows = saved.get("spikes_by_delay");
        assertEquals(DataType.BOOL, rows.dataType());
        assertArrayEquals(new long[] {3, 3}, rows.shape());
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 1, 0, 1, 0}, Tensors.toDoubles(rows), "delay 0, 1, 2");

        Spiking b = new Spiking().with(NeuronAxon.TYPE, "max_delay", 3).init();
        axon(b).restoreState(saved);
        b.net.setIteration(a.net.iteration());
        assertArrayEquals(history(a.g), history(b.g));
        a.steps(3);
        b.steps(3);
        assertArrayEquals(history(a.g), history(b.g));
    }

    @Test
    void aSpikeHistoryOfAnotherLengthIsRefusedAndLeftUnchanged() {
        Map<String, INDArray> saved = axon(new Spiking().with(NeuronAxon.TYPE, "max_delay", 3).init().steps(4))
                .saveState();
        Spiking b = new Spiking().with(NeuronAxon.TYPE, "max_delay", 2).init().steps(1);
        boolean[][] before = history(b.g);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> axon(b).restoreState(saved));

        assertEquals("NeuronAxon history of 'g': checkpoint state 'spikes_by_delay' is BOOL[3, 3], expected "
                + "BOOL[2, 3] (NeuronAxon max_delay x neurons)", e.getMessage());
        assertArrayEquals(before, history(b.g));
    }

    @Test
    void aSpikeHistoryStateWithOtherKeysOrTypesIsRefused() {
        Checkpointable h = axon(new Spiking().with(NeuronAxon.TYPE, "max_delay", 2).init());

        IllegalArgumentException keys = assertThrows(IllegalArgumentException.class,
                () -> h.restoreState(Map.of("rows", Tensors.zeros(DataType.BOOL, 2, 3))));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> h.restoreState(Map.of("spikes_by_delay", Tensors.zeros(DataType.FLOAT, 2, 3))));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> h.restoreState(null));

        assertEquals("NeuronAxon history of 'g': checkpoint state has [rows], expected [spikes_by_delay] (a checkpoint"
                + " of another model or version?)", keys.getMessage());
        assertEquals("NeuronAxon history of 'g': checkpoint state 'spikes_by_delay' is FLOAT[2, 3], expected "
                + "BOOL[2, 3] (NeuronAxon max_delay x neurons)", type.getMessage());
        assertEquals("NeuronAxon history of 'g': no checkpoint state given, expected [spikes_by_delay]",
                none.getMessage());
    }

    // ------------------------------------------------------------------ ActivityBaseHomeostasis

    @Test
    void theDecayedUpdatingRateIsSavedExactlyAndRestored() {
        Spiking a = new Spiking().with(ActivityBaseHomeostasis.TYPE, "activity_rate", 1.0, "window_size", 2,
                "updating_rate", 0.3, "decay_rate", 0.5);
        a.g.put("threshold", Tensors.zeros(DataType.FLOAT, 3));
        a.init().steps(5);
        ActivityBaseHomeostasis rule = (ActivityBaseHomeostasis) a.g.behavior("ActivityBaseHomeostasis");

        INDArray saved = rule.saveState().get("updating_rate");

        assertEquals(0.3 * 0.5 * 0.5, rule.updatingRate());
        assertEquals(DataType.DOUBLE, saved.dataType());
        assertArrayEquals(new long[] {1}, saved.shape());
        assertEquals(0.3 * 0.5 * 0.5, saved.getDouble(0));
        Spiking b = new Spiking().with(ActivityBaseHomeostasis.TYPE, "activity_rate", 1.0, "window_size", 2,
                "updating_rate", 0.3, "decay_rate", 0.5).init();
        ActivityBaseHomeostasis restored = (ActivityBaseHomeostasis) b.g.behavior("ActivityBaseHomeostasis");
        restored.restoreState(Map.of("updating_rate", saved));
        assertEquals(0.075, restored.updatingRate());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> restored.restoreState(Map.of("updating_rate", Tensors.zeros(DataType.FLOAT, 1))));
        assertEquals("ActivityBaseHomeostasis on 'g': checkpoint state 'updating_rate' is FLOAT[1], expected "
                + "DOUBLE[1] (the updating rate)", e.getMessage());
        assertEquals(0.075, restored.updatingRate());
    }

    // ------------------------------------------------------------------ SimpleDendriteStructure

    /**
     * Group {@code g} (3 neurons) with a Proximal synapse {@code s} whose current {@code I} is
     * driven directly (rows {@code [1,2,4]}, {@code [8,16,32]}, ...) and whose dendritic delays are
     * 0, 1 and 2 steps.
     */
    private static final class Dendrites {
        final Network net = new Network("net", DType.FLOAT32, SynapseMode.SxD, 5L);
        final NeuronGroup g = net.addNeuronGroup("g", 3);
        final SimpleDendriteStructure structure;
        final Simulation sim = new Simulation(net);

        Dendrites(Object... structureParams) {
            SynapseGroup s = net.addSynapseGroup("s", net.addNeuronGroup("src", 2), g, "Proximal");
            s.addBehavior(SynapseInit.TYPE.create(Map.of()));
            s.addBehavior(DelayInitializer.TYPE.create(params("delays", List.of(0, 1, 2), "destination", true)));
            s.addBehavior(180, InputSequence.TYPE.create(params("variable", "I", "values",
                    List.of(new double[] {1, 2, 4}, new double[] {8, 16, 32}, new double[] {64, 128, 256}))));
            Map<String, Object> p = new HashMap<>(params(structureParams));
            p.putIfAbsent("Proximal_max_delay", 3);
            structure = g.addBehavior((SimpleDendriteStructure) SimpleDendriteStructure.TYPE.create(p));
            sim.initialize();
        }
    }

    @Test
    void thePendingCurrentsAreSavedRowByDeliveryStep() {
        Dendrites d = new Dendrites();
        d.sim.step();

        Map<String, INDArray> saved = d.structure.saveState();

        assertEquals(Set.of("Proximal", "Distal", "Apical"), saved.keySet());
        INDArray proximal = saved.get("Proximal");
        assertEquals(DataType.FLOAT, proximal.dataType());
        assertArrayEquals(new long[] {3, 3}, proximal.shape());
        assertArrayEquals(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 4}, Tensors.toDoubles(proximal),
                "row d: delivered d steps after the saved one");
        assertArrayEquals(new long[] {1, 3}, saved.get("Distal").shape());
        assertArrayEquals(new long[] {2, 3}, saved.get("Apical").shape(), "Apical_max_delay = Distal + 1");
    }

    @Test
    void restoredPendingCurrentsAreDeliveredOnTime() {
        Dendrites a = new Dendrites();
        a.sim.step();
        Dendrites b = new Dendrites();
        b.structure.restoreState(a.structure.saveState());
        b.net.setIteration(1);

        a.sim.step();
        b.sim.step();

        assertArrayEquals(new double[] {8, 2, 0}, Tensors.toDoubles(b.g.array("I_proximal")));
        assertArrayEquals(Tensors.toDoubles(a.g.array("I_proximal")), Tensors.toDoubles(b.g.array("I_proximal")));
        a.sim.step();
        b.sim.step();
        assertArrayEquals(new double[] {64, 16, 4}, Tensors.toDoubles(b.g.array("I_proximal")));
        a.sim.step();
        b.sim.step();
        assertArrayEquals(new double[] {1, 128, 32}, Tensors.toDoubles(b.g.array("I_proximal")),
                "the row delivered at step 1 was cleared before its reuse");
        assertArrayEquals(Tensors.toDoubles(a.g.array("I_proximal")), Tensors.toDoubles(b.g.array("I_proximal")));
    }

    @Test
    void aDisabledKindIsNotSavedAndAStateForItIsRefused() {
        Dendrites enabled = new Dendrites();
        Dendrites disabled = new Dendrites("Distal_max_delay", 0, "Apical_max_delay", 2);

        assertEquals(Set.of("Proximal", "Apical"), disabled.structure.saveState().keySet());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> disabled.structure.restoreState(enabled.structure.saveState()));
        assertEquals("SimpleDendriteStructure on 'g': checkpoint state has [Apical, Distal, Proximal], expected "
                + "[Apical, Proximal] (a checkpoint of another model or version?)", e.getMessage());
    }

    @Test
    void aWrongBufferLeavesEveryBufferUnchanged() {
        Dendrites d = new Dendrites();
        d.sim.step();
        StateDigest before = StateDigest.of(d.net);
        Map<String, INDArray> bad = new HashMap<>(d.structure.saveState());
        bad.put("Proximal", Tensors.zeros(DataType.FLOAT, 3, 3));
        bad.put("Apical", Tensors.zeros(DataType.FLOAT, 3, 3));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.structure.restoreState(bad));

        assertEquals("SimpleDendriteStructure on 'g': checkpoint state 'Apical' is FLOAT[3, 3], expected FLOAT[2, 3] "
                + "(Apical_max_delay x neurons)", e.getMessage());
        assertEquals(List.of(), before.differences(StateDigest.of(d.net)), "not even the valid Proximal buffer");
    }
}
