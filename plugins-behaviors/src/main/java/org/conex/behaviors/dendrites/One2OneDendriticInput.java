package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-to-one input (priority 180): {@code I_j = pre_j * w_j}, then times
 * {@code current_coef * current_type} (see {@link DendriticInput}).
 *
 * <p>Needs {@code N_src == N_dst == N} and 1-D weights {@code [N]} (WeightInitializer
 * {@code weight_shape = [N]}). The reference silently broadcasts the default 2-D weights into an
 * N x N "current" that fails later in the dendrite (BUG-9); here any other weight shape is an
 * error at initialization.
 */
public final class One2OneDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("One2OneDendriticInput", One2OneDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF)
            .description("I_j = pre_j * w_j (one-to-one, 1-D weights)")
            .build();

    public One2OneDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        int s = synapse.src().size();
        int d = synapse.dst().size();
        if (s != d) {
            throw error("needs equal group sizes, but source '" + synapse.src().tag() + "' has " + s
                    + " and destination '" + synapse.dst().tag() + "' has " + d + " neurons");
        }
        Object w = synapse.get("weights");
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != 1 || ((INDArray) w).length() != d) {
            throw error("needs 1-D weights [" + d + "] (WeightInitializer weight_shape = [" + d + "]), found "
                    + describeWeights(w));
        }
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        Vec w = synapse.vec("weights");
        for (int j = 0, n = out.length(); j < n; j++) {
            out.set(j, pre.get(j) != 0 ? w.get(j) : 0);
        }
    }
}
