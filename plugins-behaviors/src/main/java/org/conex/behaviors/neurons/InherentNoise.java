package org.conex.behaviors.neurons;

import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.TensorSpec;
import org.conex.api.tensor.Vec;

/**
 * Membrane noise (priority 280): each step {@code v += draw(mode) * scale + offset}, with a
 * fresh draw per neuron from this behavior's own random stream (reproducible from the network's
 * master seed, independent of everything else).
 *
 * <p>Parameters: {@code mode} (a {@link TensorSpec} mode: "rand" (default, U[0,1)),
 * "normal(mean, std)", "uniform(lo, hi)", "ones", a number, ...), {@code scale} (mV, default 1),
 * {@code offset} (mV, default 0). Note (reference ODD-6): the default noise U[0, scale) + offset
 * has mean {@code scale/2 + offset}, i.e. it depolarizes; use "normal" for zero-mean noise.
 * Reads and writes {@code v} (float[N]). Every operation is rounded to the network's float type.
 */
public final class InherentNoise extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("InherentNoise", InherentNoise::new)
            .priority(280).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("mode", ParamKind.MODE).withDefault("rand")
                            .doc("noise distribution, e.g. rand, normal(0, 1), or a number"),
                    ParamSpec.of("scale", ParamKind.NUMBER).withDefault(1.0).unit("mV").doc("multiplies each draw"),
                    ParamSpec.of("offset", ParamKind.NUMBER).withDefault(0.0).unit("mV").doc("added to each draw"))
            .description("adds draw(mode) * scale + offset to v every step")
            .build();

    private final TensorSpec mode;
    private final double scale;
    private final double offset;
    private double[] draws;
    private RandomStream rng;

    /**
     * @throws ParameterException if {@code mode} is not a known tensor mode
     */
    public InherentNoise(Params params) {
        super(params);
        scale = params.number("scale");
        offset = params.number("offset");
        Object m = params.get("mode");
        try {
            mode = m instanceof Number ? TensorSpec.constant(((Number) m).doubleValue()) : TensorSpec.parse((String) m);
        } catch (ConexException e) {
            throw new ParameterException(params.component(), "mode", "is not a valid noise mode: " + e.getMessage());
        }
    }

    @Override
    public void initialize(NeuronGroup g) {
        draws = new double[g.size()];
        rng = random();
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        mode.sample(draws, rng);
        double sc = v.round(scale);
        double off = v.round(offset);
        for (int k = 0, n = draws.length; k < n; k++) {
            double noise = v.round(v.round(v.round(draws[k]) * sc) + off);
            v.set(k, v.get(k) + noise);
        }
    }
}
