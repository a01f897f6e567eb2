package org.conex.testkit;

import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A small float32 network for contract tests: groups {@code src} and {@code dst} of {@code n}
 * neurons and a synapse group {@code syn} from src to dst. A driver on the network (priority
 * -1000) writes fresh seeded input every step into each group: {@code I} uniform in
 * [0, inputScale], and src's {@code spikes} with probability 0.1. The behavior under test is attached to
 * the object its target names (network, dst, or syn) at its default priority; a neuron model
 * ({@link SpikingNeuron}) is also fired after every step, as the Fire behavior would.
 */
public final class TestBench {
    private static final double FIRE_PRIORITY = 1e9;
    private final Network network;
    private final NetworkObject owner;
    private final Simulation sim;
    private final long expectedLength;

    public TestBench(BehaviorType type, Map<String, ?> params, int n, double inputScale, long seed) {
        network = new Network("bench", DType.FLOAT32, SynapseMode.SxD, seed);
        NeuronGroup src = network.addNeuronGroup("src", n);
        NeuronGroup dst = network.addNeuronGroup("dst", n);
        SynapseGroup syn = network.addSynapseGroup("syn", src, dst);
        network.addBehavior(-1000, new Drive(inputScale));
        switch (type.target()) {
            case NETWORK -> owner = network;
            case SYNAPSE_GROUP -> owner = syn;
            default -> owner = dst;
        }
        expectedLength = owner instanceof NeuronGroup ? n : -1;
        Behavior<?> b = type.create(params);
        owner.addBehavior(type.defaultPriority(), b);
        if (b instanceof SpikingNeuron) {
            dst.addBehavior(FIRE_PRIORITY, new FireModel());
        }
        sim = new Simulation(network);
    }

    public Network network() {
        return network;
    }

    /** The object the behavior under test is attached to. */
    public NetworkObject owner() {
        return owner;
    }

    public Simulation simulation() {
        return sim;
    }

    /** One value per neuron for neuron-group owners, -1 otherwise. */
    long expectedLength() {
        return expectedLength;
    }

    /** After everything else: lets a neuron model fire and reset, as the Fire behavior would. */
    private static final class FireModel extends Behavior<NeuronGroup> {
        FireModel() {
            super(Params.validate("TestBenchFire", java.util.List.of(), Map.of()));
        }

        @Override
        public void forward(NeuronGroup g) {
            g.attr("spiking_neuron", SpikingNeuron.class).fire(g);
        }
    }

    /** Writes seeded random I and spikes into every group, every step (and once at initialization). */
    private static final class Drive extends Behavior<Network> {
        private final double scale;

        Drive(double scale) {
            super(Params.validate("TestBenchDrive", java.util.List.of(), Map.of()));
            this.scale = scale;
        }

        @Override
        public void initialize(Network net) {
            for (NeuronGroup g : net.neuronGroups()) {
                g.put("I", Tensors.zeros(net.dtype().nd4j(), g.size()));
            }
            net.neuronGroup("src").put("spikes", Tensors.zeros(DataType.BOOL, net.neuronGroup("src").size()));
            forward(net);
        }

        @Override
        public void forward(Network net) {
            RandomStream r = random();
            for (NeuronGroup g : net.neuronGroups()) {
                Vec i = g.vec("I");
                for (int k = 0; k < g.size(); k++) {
                    i.set(k, r.nextDouble() * scale);
                }
            }
            NeuronGroup src = net.neuronGroup("src");
            var s = org.conex.api.tensor.Views.bools(src.array("spikes"));
            for (int k = 0; k < src.size(); k++) {
                s.put(k, r.nextDouble() < 0.1 ? (byte) 1 : 0);
            }
        }
    }
}
