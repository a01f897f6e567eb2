package org.conex.bench.behaviors;

import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Views;

/**
 * Input of the PymoNNtorch paper's "Simple" network (default priority 20): each step
 * {@code voltage += spikesᵀ·W} over the afferent synapse groups tagged {@code synapse_tag} (the
 * weight rows of the sources that spiked, event-driven), then {@code voltage += U[0, noise)} with
 * one fresh draw per neuron from this behavior's own stream.
 *
 * <p>Parameters: {@code noise} (default 1, the width of the uniform drive), {@code synapse_tag}
 * (default "GLU"). Reads {@code voltage} (SimpleSpikeGeneration) and the sources' {@code spikes}.
 */
public final class SimpleNoisyInput extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("SimpleNoisyInput", SimpleNoisyInput::new)
            .priority(20).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("noise", ParamKind.NUMBER).withDefault(1.0).atLeast(0)
                            .doc("voltage += U[0, noise) each step"),
                    ParamSpec.of("synapse_tag", ParamKind.STRING).withDefault("GLU")
                            .doc("tag of the afferent synapse groups whose weight rows are summed"))
            .description("paper 'Simple' network: voltage += spiking rows of W + uniform noise")
            .build();

    private final SynapticDrive drive;
    private float noise;
    private RandomStream rng;
    private FloatBuffer voltage;

    public SimpleNoisyInput(Params params) {
        super(params);
        drive = new SynapticDrive(params.string("synapse_tag"));
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        if (!g.has("voltage")) {
            throw error("needs 'voltage' from SimpleSpikeGeneration (priority 10) on the same group");
        }
        noise = (float) params().number("noise");
        rng = random();
        voltage = Views.floats(g.array("voltage"));
    }

    @Override
    public void forward(NeuronGroup g) {
        FloatBuffer v = voltage;
        drive.addTo(g, v);
        RandomStream r = rng;
        for (int k = 0, n = v.capacity(); k < n; k++) {
            v.put(k, v.get(k) + noise * r.nextFloat());
        }
    }
}
