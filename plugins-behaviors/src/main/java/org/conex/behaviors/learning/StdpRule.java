package org.conex.behaviors.learning;

import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;

/**
 * Base of the STDP-driven rules (STDP and RSTDP, every connection type): resolves the common
 * {@link StdpParams} ({@code a_plus}, {@code a_minus}, {@code w_min}, {@code w_max},
 * {@code positive_bound}, {@code negative_bound}) for the network dtype at initialize. Parameter
 * consistency ({@code w_min < w_max} when a bound is used) is checked at construction.
 */
public abstract class StdpRule extends LearningRule {
    /** The resolved STDP parameters; set at initialize. */
    protected StdpParams stdp;

    protected StdpRule(Params params) {
        super(params);
        StdpParams.of(params, DType.FLOAT64);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        stdp = StdpParams.of(params(), syn.network().dtype());
    }

    /** The resolved STDP parameters (null before initialize). */
    public final StdpParams stdp() {
        return stdp;
    }
}
