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
 * A per-neuron spike trace (default priority 25, after the neuron model):
 * {@code trace := trace - trace / tau + spikes * dirac} (dt = 1 ms). Creates {@code trace}
 * (float32[N], zeros). Parameters: {@code tau} (ms, default 20, &gt; 1) and {@code dirac} (the
 * increment per spike, default 1).
 */
public final class NeuronTrace extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("NeuronTrace", NeuronTrace::new)
            .priority(25).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("tau", ParamKind.NUMBER).withDefault(20.0).greaterThan(1).unit("ms")
                            .doc("decay time constant"),
                    ParamSpec.of("dirac", ParamKind.NUMBER).withDefault(1.0).doc("increment per spike"))
            .description("trace = trace - trace/tau + spikes*dirac")
            .build();

    private float tau;
    private float dirac;
    private FloatBuffer trace;
    private ByteBuffer spikes;

    public NeuronTrace(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        if (!g.has("spikes")) {
            throw error("needs 'spikes' from a neuron model with a lower priority on the same group");
        }
        tau = (float) params().number("tau");
        dirac = (float) params().number("dirac");
        g.put("trace", Tensors.zeros(DataType.FLOAT, g.size()));
        trace = Views.floats(g.array("trace"));
        spikes = Views.bools(g.array("spikes"));
    }

    @Override
    public void forward(NeuronGroup g) {
        for (int k = 0, n = trace.capacity(); k < n; k++) {
            float x = trace.get(k);
            trace.put(k, (x - x / tau) + (spikes.get(k) != 0 ? dirac : 0f));
        }
    }
}
