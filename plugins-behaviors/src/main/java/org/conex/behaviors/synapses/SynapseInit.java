package org.conex.behaviors.synapses;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Creates the variables every other synapse behavior relies on (priority 2, no forward, no
 * parameters):
 * <ul>
 *   <li>{@code src_shape}, {@code dst_shape}: the groups' geometry as a
 *       {@link org.conex.api.model.NeuronShape} (depth x height x width; a flat group of N neurons is
 *       1 x 1 x N). Read by the shaped inputs (Conv2d, Local2d, Lateral, AveragePool2D) and the
 *       conv/local learning rules.</li>
 *   <li>{@code src_delay} (long[N_src]) and {@code dst_delay} (long[N_dst]): zero delays in steps,
 *       real arrays (the reference uses a broadcast view). DelayInitializer (priority 4) overwrites
 *       them; the spike catchers and SimpleDendriteStructure read them.</li>
 * </ul>
 */
public final class SynapseInit extends Behavior<SynapseGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("SynapseInit", SynapseInit::new)
            .priority(2).target(Target.SYNAPSE_GROUP)
            .description("creates src_shape, dst_shape and zero src_delay/dst_delay")
            .build();

    public SynapseInit(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        synapse.put("src_shape", synapse.src().shape());
        synapse.put("dst_shape", synapse.dst().shape());
        synapse.put("src_delay", Tensors.zeros(DataType.LONG, synapse.src().size()));
        synapse.put("dst_delay", Tensors.zeros(DataType.LONG, synapse.dst().size()));
    }
}
