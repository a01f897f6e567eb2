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
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * network variable {@code dopamine_concentration}, so a {@code Dopamine} behavior is required on the
 * network (checked at initialize). A vector concentration (from a tensor payoff) gives each
 * destination neuron j its own {@code dopamine[j]}, which multiplies the eligibility of every
 * synapse onto j (dense, sparse and one-to-one rules; the convolution and local rules need one
 * concentration).
 */
public abstract class RstdpRule extends StdpRule {
    /** The eligibility time constant rounded to the dtype; set at initialize. */
    protected double tauC;
    /** The network dtype; set at initialize. */
    protected DType dtype;
    private Vec checkedC;
    private double[] perDestination = new double[0];

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

    /**
     * The dopamine concentration of this step, rounded to the dtype (it multiplies a tensor), for
     * rules whose weights are not one per destination neuron (convolution and local kernels).
     *
     * @throws org.conex.api.ModelException if the concentration is a vector (a per-neuron payoff)
     */
    protected final double dopamine(Network net) {
        Object v = net.get("dopamine_concentration");
        if (v instanceof INDArray && ((INDArray) v).length() != 1) {
            throw error("network.dopamine_concentration has " + ((INDArray) v).length() + " values (a per-neuron"
                    + " payoff), but " + name() + " needs one concentration; per-neuron dopamine works with"
                    + " SimpleRSTDP, SparseRSTDP and One2OneRSTDP");
        }
        return dtype.round(net.scalar("dopamine_concentration"));
    }

    /**
     * The dopamine concentration of this step for each destination neuron, rounded to the dtype:
     * a scalar concentration gives the same value for every j; a vector (from a tensor payoff,
     * see {@code Dopamine}) must have one value per destination neuron. The array is reused every
     * step.
     */
    protected final double[] dopaminePerDestination(SynapseGroup syn) {
        int n = syn.dst().size();
        if (perDestination.length != n) {
            perDestination = new double[n];
        }
        Network net = syn.network();
        Object v = net.get("dopamine_concentration");
        if (v instanceof INDArray && ((INDArray) v).length() != 1) {
            Vec d = net.vec("dopamine_concentration");
            if (d.length() != n) {
                throw error("network.dopamine_concentration has " + d.length() + " values, expected 1 or one per"
                        + " destination neuron of '" + syn.dst().tag() + "' (" + n + ")");
            }
            for (int j = 0; j < n; j++) {
                perDestination[j] = dtype.round(d.get(j));
            }
        } else {
            Arrays.fill(perDestination, dtype.round(net.scalar("dopamine_concentration")));
        }
        return perDestination;
    }

    /** One eligibility step {@code c + (-c / tau_c + dw)}, each operation rounded to the dtype. */
    protected final double eligibility(double c, double dw) {
        return dtype.round(c + dtype.round(dtype.round(-c / tauC) + dw));
    }
}
