package org.conex.bench.behaviors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Spike generation of the PymoNNtorch paper's "Simple" network (default priority 10), one fused
 * pass per step:
 * <pre>
 * spikes_old := spikes
 * spikes     := voltage &gt; threshold
 * voltage[spikes] := 0
 * voltage    := voltage * decay
 * </pre>
 * Creates {@code voltage} (float32[N], starts at 0), {@code spikes} and {@code spikes_old}
 * (bool[N], start false). Parameters: {@code threshold} (default 6.1, voltage units),
 * {@code decay} (default 0.9, per step, in (0, 1]). Needs a float32 network.
 */
public final class SimpleSpikeGeneration extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("SimpleSpikeGeneration", SimpleSpikeGeneration::new)
            .priority(10).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("threshold", ParamKind.NUMBER).withDefault(6.1).doc("spike when voltage > threshold"),
                    ParamSpec.of("decay", ParamKind.NUMBER).withDefault(0.9).greaterThan(0)
                            .doc("voltage factor per step, in (0, 1]"))
            .description("paper 'Simple' network: spikes = v > threshold, reset to 0, v *= decay")
            .build();

    private float threshold;
    private float decay;
    private FloatBuffer voltage;
    private ByteBuffer spikes;
    private ByteBuffer old;
    /** Heap copies of voltage, the new spikes and the previous spikes (loops over heap arrays; no allocation per step). */
    private float[] hv = new float[0];
    private byte[] hs = new byte[0];
    private byte[] ho = new byte[0];

    public SimpleSpikeGeneration(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        double d = params().number("decay");
        if (d > 1) {
            throw error("parameter 'decay' must be in (0, 1], found " + d);
        }
        threshold = (float) params().number("threshold");
        decay = (float) d;
        g.put("voltage", Tensors.zeros(DataType.FLOAT, g.size()));
        g.put("spikes", Tensors.zeros(DataType.BOOL, g.size()));
        g.put("spikes_old", Tensors.zeros(DataType.BOOL, g.size()));
        voltage = Views.floats(g.array("voltage"));
        spikes = Views.bools(g.array("spikes"));
        old = Views.bools(g.array("spikes_old"));
    }

    @Override
    public void forward(NeuronGroup g) {
        FloatBuffer v = voltage;
        int n = v.capacity();
        if (hv.length != n) {
            hv = new float[n];
            hs = new byte[n];
            ho = new byte[n];
        }
        float[] x = hv;
        byte[] fired = hs;
        spikes.get(0, ho, 0, n);
        old.put(0, ho, 0, n);
        v.get(0, x, 0, n);
        for (int k = 0; k < n; k++) {
            if (x[k] > threshold) {
                fired[k] = 1;
                x[k] = 0f * decay;
            } else {
                fired[k] = 0;
                x[k] = x[k] * decay;
            }
        }
        spikes.put(0, fired, 0, n);
        v.put(0, x, 0, n);
    }
}
