package org.conex.bench.behaviors;

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
 * Input current of the paper's Izhikevich network (default priority 10, before the neuron):
 * {@code I := offset + noise * N(0, 1) + spikesᵀ·W}, the last term summed over the afferent synapse
 * groups tagged {@code synapse_tag} from the weight rows of the sources that spiked in the previous
 * step (event-driven). Creates {@code I} (float32[N]).
 *
 * <p>Parameters: {@code offset} (default 15, mV/ms), {@code noise} (default 1, the standard deviation
 * of the per-neuron Gaussian drawn each step from this behavior's stream), {@code synapse_tag}
 * (default "GLU").
 */
public final class IzhikevichInput extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("IzhikevichInput", IzhikevichInput::new)
            .priority(10).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("offset", ParamKind.NUMBER).withDefault(15.0).doc("constant drive"),
                    ParamSpec.of("noise", ParamKind.NUMBER).withDefault(1.0).atLeast(0)
                            .doc("standard deviation of the Gaussian drive"),
                    ParamSpec.of("synapse_tag", ParamKind.STRING).withDefault("GLU")
                            .doc("tag of the afferent synapse groups whose weight rows are summed"))
            .description("paper Izhikevich network: I = offset + Gaussian noise + spiking rows of W")
            .build();

    private final SynapticDrive drive;
    private float offset;
    private float noise;
    private NormalSource normal;
    private FloatBuffer current;

    public IzhikevichInput(Params params) {
        super(params);
        drive = new SynapticDrive(params.string("synapse_tag"));
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        offset = (float) params().number("offset");
        noise = (float) params().number("noise");
        normal = new NormalSource(random());
        g.put("I", Tensors.zeros(DataType.FLOAT, g.size()));
        current = Views.floats(g.array("I"));
    }

    @Override
    public void forward(NeuronGroup g) {
        FloatBuffer i = current;
        for (int k = 0, n = i.capacity(); k < n; k++) {
            i.put(k, offset + noise * (float) normal.next());
        }
        normal.dropSpare(); // no state outside the checkpointed stream between steps (odd sizes)
        drive.addTo(g, i);
    }
}
