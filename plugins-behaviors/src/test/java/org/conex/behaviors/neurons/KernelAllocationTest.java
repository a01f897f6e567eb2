package org.conex.behaviors.neurons;

import static org.conex.behaviors.neurons.NeuronFixture.p;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.junit.jupiter.api.Test;

/**
 * The per-step kernels of the neuron behaviors allocate nothing once warmed up (design rule:
 * preallocate at initialize). Measured with the JVM's per-thread allocation counter around direct
 * forward calls, so the scheduler and drivers are not counted.
 */
class KernelAllocationTest {
    @Test
    void steadyStateStepsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        NeuronFixture fx = new NeuronFixture();
        NeuronGroup in = fx.group("in", 64);
        NeuronGroup exc = fx.group("exc", 4, 4, 4);
        NeuronGroup ad = fx.group("ad", 64);
        SynapseGroup s = fx.synapse("s", in, exc, "Proximal", "Distal");
        fx.drive(s, 180, "I", false, new double[64]);
        fx.setLongs(s, "dst_delay", new long[64]);
        fx.drive(in, 340, "spikes", true, new double[64]);
        List<Behavior<?>> kernels = new ArrayList<>();
        kernels.add(fx.add(in, NeuronAxon.TYPE, p("max_delay", 3)));
        kernels.add(fx.add(exc, SimpleDendriteStructure.TYPE, p("Distal_max_delay", 2)));
        kernels.add(fx.add(exc, SimpleDendriteComputation.TYPE, p("I_tau", 3.0, "distal_provocativeness", 0.5)));
        kernels.add(fx.add(exc, ELIF.TYPE, p("R", 1.0, "tau", 4.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0,
                "delta", 0.5, "theta_rh", 0.8)));
        kernels.add(fx.add(exc, InherentNoise.TYPE, p("scale", 0.6)));
        kernels.add(fx.add(exc, KWTA.TYPE, p("k", 1, "dimension", 0)));
        kernels.add(fx.add(exc, VoltageBaseHomeostasis.TYPE, p("target_voltage", 0.2)));
        kernels.add(fx.add(exc, Fire.TYPE, p()));
        kernels.add(fx.add(exc, ActivityBaseHomeostasis.TYPE, p("activity_rate", 1, "window_size", 5,
                "updating_rate", 0.01)));
        kernels.add(fx.add(exc, NeuronAxon.TYPE, p("max_delay", 4)));
        fx.drive(ad, 250, "I", false, new double[64]);
        kernels.add(fx.add(ad, AELIF.TYPE, p("R", 1.0, "tau", 4.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0,
                "delta", 0.5, "theta_rh", 0.8, "alpha", 0.1, "beta", 0.2, "w_tau", 5.0)));
        kernels.add(fx.add(ad, Fire.TYPE, p()));
        fx.init();
        fx.set(ad, "I", new double[64]);
        run(fx, kernels, 20_000);
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        run(fx, kernels, 5_000);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // one small object per step (e.g. an iterator, 32 bytes) would be 160 KB
        assertTrue(allocated < 64 * 1024, "5,000 steps allocated " + allocated + " bytes");
    }

    @SuppressWarnings("unchecked")
    private static void run(NeuronFixture fx, List<Behavior<?>> kernels, int steps) {
        for (int t = 0; t < steps; t++) {
            fx.net.setIteration(fx.net.iteration() + 1);
            for (int k = 0; k < kernels.size(); k++) {
                Behavior<NetworkObject> b = (Behavior<NetworkObject>) kernels.get(k);
                b.forward(b.owner());
            }
        }
    }
}
