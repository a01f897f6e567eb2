package org.conex.runtime.model;

import java.util.List;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;

/**
 * The {@code network} section.
 *
 * @param tag         the network's tag (default {@code "Network"})
 * @param dt          time step in ms (default 1); applied through the TimeResolution behavior when it
 *                    is installed, otherwise set as the network variable {@code dt}
 * @param dtype       floating type of all state (float32 default, float64)
 * @param seed        master seed of every random stream (default 0)
 * @param synapseMode dense matrix orientation (SxD default)
 * @param behaviors   the network's own behaviors, resolved
 */
public record NetworkSpec(String tag, double dt, DType dtype, long seed, SynapseMode synapseMode,
                          List<BehaviorSpec> behaviors) {
    public NetworkSpec {
        behaviors = List.copyOf(behaviors);
    }
}
