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
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Poisson-encoded sensory input (default priority 340, where CoNeX's SensorySetter writes spikes):
 * every neuron i has a fixed intensity {@code x_i ~ U[0, 1)} drawn once at initialization
 * ({@code intensity}, float32[N]) and spikes in each step with probability
 * {@code p_i = ratio * x_i}, independently of the past (a Bernoulli approximation of a Poisson
 * process with rate {@code p_i} per step, i.e. {@code 1000 * p_i} Hz at dt = 1 ms; the same rule as
 * CoNeX's SimplePoisson encoder, drawn step by step instead of precomputed).
 *
 * <p>Creates {@code spikes} (bool[N]) and {@code intensity}. Parameter: {@code ratio} (default 0.05,
 * in [0, 1]: the spike probability per step of an intensity of 1). Draws come from this behavior's
 * own stream, so the input depends only on the master seed.
 */
public final class PoissonInput extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("PoissonInput", PoissonInput::new)
            .priority(340).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("ratio", ParamKind.NUMBER).withDefault(0.05).atLeast(0)
                    .doc("spike probability per step of intensity 1, in [0, 1]"))
            .description("Bernoulli/Poisson spikes with a fixed random intensity per neuron")
            .build();

    private RandomStream rng;
    private float[] probability;
    private ByteBuffer spikes;

    public PoissonInput(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        double ratio = params().number("ratio");
        if (ratio > 1) {
            throw error("parameter 'ratio' must be in [0, 1], found " + ratio);
        }
        int n = g.size();
        rng = random();
        g.put("intensity", Tensors.zeros(DataType.FLOAT, n));
        g.put("spikes", Tensors.zeros(DataType.BOOL, n));
        FloatBuffer intensity = Views.floats(g.array("intensity"));
        probability = new float[n];
        for (int i = 0; i < n; i++) {
            float x = rng.nextFloat();
            intensity.put(i, x);
            probability[i] = (float) ratio * x;
        }
        spikes = Views.bools(g.array("spikes"));
    }

    @Override
    public void forward(NeuronGroup g) {
        for (int i = 0, n = spikes.capacity(); i < n; i++) {
            spikes.put(i, rng.nextFloat() < probability[i] ? (byte) 1 : 0);
        }
    }
}
