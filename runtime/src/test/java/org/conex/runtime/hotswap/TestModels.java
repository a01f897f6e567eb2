package org.conex.runtime.hotswap;

import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorProvider;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Tiny neuron models for the hot-swap tests. {@code Ramp}: v += rate each step, creates
 * {@code v, spikes, rate}; {@code Ramp2}: v += 10 * rate and {@code u += 1}, creates
 * {@code v, u, spikes} (so a swap keeps v and spikes, initialises u, drops rate); both fire at
 * v >= threshold and reset to 0. {@code Fires} is the Fire behavior: it calls spiking_neuron.
 */
final class TestModels {
    private TestModels() {
    }

    static final BehaviorType RAMP = BehaviorType.builder("Ramp", Ramp::new).priority(260).target(Target.NEURON_GROUP)
            .param(ParamSpec.of("rate", ParamKind.NUMBER).withDefault(1.0))
            .param(ParamSpec.of("threshold", ParamKind.NUMBER).withDefault(1000.0)).build();
    static final BehaviorType RAMP2 = BehaviorType.builder("Ramp2", Ramp2::new).priority(260)
            .target(Target.NEURON_GROUP).param(ParamSpec.of("rate", ParamKind.NUMBER).withDefault(1.0))
            .param(ParamSpec.of("threshold", ParamKind.NUMBER).withDefault(1000.0)).build();
    static final BehaviorType FIRES = BehaviorType.builder("Fires", Fires::new).priority(340)
            .target(Target.NEURON_GROUP).build();

    /** A provider offering the given types (a stand-in for one plugin bundle). */
    static BehaviorProvider provider(BehaviorType... types) {
        List<BehaviorType> l = List.of(types);
        return () -> l;
    }

    /** A second, distinct Ramp type with the same name (another bundle's implementation). */
    static BehaviorType otherRamp() {
        return BehaviorType.builder("Ramp", Ramp::new).version("2.0.0").priority(260).target(Target.NEURON_GROUP)
                .param(ParamSpec.of("rate", ParamKind.NUMBER).withDefault(1.0))
                .param(ParamSpec.of("threshold", ParamKind.NUMBER).withDefault(1000.0)).build();
    }

    static class Ramp extends Behavior<NeuronGroup> implements SpikingNeuron {
        Ramp(Params p) {
            super(p);
        }

        @Override
        public void initialize(NeuronGroup g) {
            g.put("v", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
            g.put("spikes", Tensors.zeros(DataType.BOOL, g.size()));
            g.put("rate", params().number("rate"));
            g.put("spiking_neuron", this);
        }

        @Override
        public void forward(NeuronGroup g) {
            Vec v = g.vec("v");
            for (int i = 0; i < v.length(); i++) {
                v.set(i, v.get(i) + g.scalar("rate"));
            }
        }

        @Override
        public void fire(NeuronGroup g) {
            Vec v = g.vec("v");
            double th = params().number("threshold", 1000.0);
            var s = org.conex.api.tensor.Views.bools(g.array("spikes"));
            for (int i = 0; i < v.length(); i++) {
                boolean f = v.get(i) >= th;
                s.put(i, f ? (byte) 1 : 0);
                if (f) {
                    v.set(i, 0);
                }
            }
        }
    }

    static final class Ramp2 extends Ramp {
        Ramp2(Params p) {
            super(p);
        }

        @Override
        public void initialize(NeuronGroup g) {
            g.put("v", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
            g.put("u", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
            g.put("spikes", Tensors.zeros(DataType.BOOL, g.size()));
            g.put("spiking_neuron", this);
        }

        @Override
        public void forward(NeuronGroup g) {
            Vec v = g.vec("v");
            Vec u = g.vec("u");
            for (int i = 0; i < v.length(); i++) {
                v.set(i, v.get(i) + 10 * params().number("rate"));
                u.set(i, u.get(i) + 1);
            }
        }
    }

    static final class Fires extends Behavior<NeuronGroup> {
        Fires(Params p) {
            super(p);
        }

        @Override
        public void forward(NeuronGroup g) {
            g.attr("spiking_neuron", SpikingNeuron.class).fire(g);
        }
    }
}
