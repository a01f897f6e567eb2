package org.conex.behaviors.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.Network;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.TensorSpec;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;

/**
 * Base of the reward-modulated STDP rules (spec section 4.10, "RSTDP family"). Each step, for every
 * weight entry (dense, with no event-driven shortcut, because the eligibility decays everywhere):
 * <pre>
 * c := c + (-c / tau_c + dW_stdp)
 * W := W + c * dopamine_concentration
 * </pre>
 * with {@code dW_stdp} the increment of the corresponding STDP rule on the pre-update weights. No
 * dt (ODD-2). With a constant {@code dW} the eligibility converges to {@code tau_c * dW}; with
 * dopamine 0 the weights never change while {@code c} keeps evolving.
 *
 * <p>Parameters: the {@link StdpParams} plus {@code tau_c} (required, &gt; 0, steps) and
 * {@code init_c_mode} (default 0: a tensor mode such as a number, "zeros", "rand" or
 * "normal(0, 1)", drawn from this behavior's own random stream). Creates the synapse variable
 * {@code c} shaped like the weights (sparse: one value per stored entry, CSC order). Reads the
 * network scalar {@code dopamine_concentration}, so a {@code Dopamine} behavior is required on the
 * network (checked at initialize).
 */
public abstract class RstdpRule extends StdpRule {
    /** The eligibility time constant rounded to the dtype; set at initialize. */
    protected double tauC;
    /** The network dtype; set at initialize. */
    protected DType dtype;
    private Vec checkedC;

    protected RstdpRule(Params params) {
        super(params);
        mode(params);
    }

    /** The STDP parameter declarations plus {@code tau_c} and {@code init_c_mode}. */
    public static ParamSpec[] specs() {
        List<ParamSpec> l = new ArrayList<>(Arrays.asList(StdpParams.specs()));
        l.add(ParamSpec.of("tau_c", ParamKind.NUMBER).asRequired().greaterThan(0).unit("steps")
                .doc("eligibility-trace time constant (the update ignores dt)"));
        l.add(ParamSpec.of("init_c_mode", ParamKind.MODE).withDefault(0.0)
                .doc("initial eligibility: a number or a tensor mode such as \"rand\""));
        return l.toArray(new ParamSpec[0]);
    }

    private static TensorSpec mode(Params p) {
        Object m = p.get("init_c_mode");
        if (m instanceof Number) {
            return TensorSpec.constant(((Number) m).doubleValue());
        }
        try {
            return TensorSpec.parse((String) m);
        } catch (ConexException e) {
            throw new org.conex.api.behavior.ParameterException(p.component(), "init_c_mode", e.getMessage());
        }
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        dtype = syn.network().dtype();
        tauC = dtype.round(params().number("tau_c"));
        if (!syn.network().has("dopamine_concentration")) {
            throw error("needs network.dopamine_concentration; add a Dopamine behavior to the network");
        }
    }

    /** Creates {@code synapse.c} with {@code n} values of the given shape from {@code init_c_mode}. */
    protected final void createEligibility(SynapseGroup syn, int n, long... shape) {
        double[] data = mode(params()).sample(n, random());
        syn.put("c", Tensors.of(dtype, data, shape));
    }

    /**
     * The view of {@code synapse.c}, checked to hold {@code n} values (one per weight entry) whenever
     * the variable is replaced.
     */
    protected final Vec eligibilityView(SynapseGroup syn, int n) {
        Vec c = syn.vec("c");
        if (c != checkedC) {
            if (c.length() != n) {
                throw error("'c' has " + c.length() + " values, expected " + n + " (one per weight entry)");
            }
            checkedC = c;
        }
        return c;
    }

    /** The dopamine concentration of this step, rounded to the dtype (it multiplies a tensor). */
    protected final double dopamine(Network net) {
        return dtype.round(net.scalar("dopamine_concentration"));
    }

    /** One eligibility step {@code c + (-c / tau_c + dw)}, each operation rounded to the dtype. */
    protected final double eligibility(double c, double dw) {
        return dtype.round(c + dtype.round(dtype.round(-c / tauC) + dw));
    }
}
