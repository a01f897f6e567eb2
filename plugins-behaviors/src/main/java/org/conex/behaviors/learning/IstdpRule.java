package org.conex.behaviors.learning;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;

/**
 * Base of the symmetric inhibitory STDP rules after Vogels et al. (2011) (spec section 4.10,
 * "iSTDP family"). Per synapse {@code (i, j)}:
 * <pre>
 * dW[i,j] = lr * ( s_pre[i] * sign * (alpha - x_post[j]) + x_pre[i] * s_post[j] )
 * </pre>
 * so with the default {@code sign = -1} a presynaptic spike changes the weight by
 * {@code lr * (x_post - alpha)} and a postsynaptic spike by {@code lr * x_pre}. No bounds (pair it
 * with a WeightClip); the weights stay positive and the inhibitory sign of the current comes from
 * the dendritic input (source tagged "inh" or "GABA").
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code rho} (Hz): target firing rate; gives {@code alpha = 2 * rho * tau_s / 1000} with
 *       {@code tau_s} (ms) the time constant of the synapse's PreTrace;</li>
 *   <li>{@code alpha}: the target trace level directly (overrides rho). One of rho and alpha is
 *       required;</li>
 *   <li>{@code lr} (default 1e-5): learning rate;</li>
 *   <li>{@code is_inhibitory} (default true): {@code sign = -1}, else {@code +1}. Only the
 *       presynaptic term flips (reference ODD-12).</li>
 * </ul>
 * The PreTrace and PostTrace of the synapse must have equal {@code tau_s} (the rule is symmetric).
 */
public abstract class IstdpRule extends LearningRule {
    private double alpha;
    private double lr;
    private double sign;
    private DType dtype;

    protected IstdpRule(Params params) {
        super(params);
        if (!params.isGiven("rho") && !params.isGiven("alpha")) {
            throw new ParameterException(params.component(), "rho", "or 'alpha' is required (the target rate in Hz, "
                    + "or the target trace level), but neither was given");
        }
    }

    /** The parameter declarations: rho, alpha, lr, is_inhibitory. */
    public static ParamSpec[] specs() {
        return new ParamSpec[] {
            ParamSpec.of("rho", ParamKind.NUMBER).atLeast(0).unit("Hz").doc("target firing rate"),
            ParamSpec.of("alpha", ParamKind.NUMBER).doc("target trace level (overrides rho)"),
            ParamSpec.of("lr", ParamKind.NUMBER).withDefault(1e-5).doc("learning rate"),
            ParamSpec.of("is_inhibitory", ParamKind.BOOLEAN).withDefault(true)
                    .doc("true: a pre spike moves w by lr*(x_post - alpha); false flips that term"),
        };
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        dtype = syn.network().dtype();
        Double tauPre = traceTau(syn, "PreTrace");
        Double tauPost = traceTau(syn, "PostTrace");
        if (tauPre != null && tauPost != null && tauPre.doubleValue() != tauPost.doubleValue()) {
            throw error("PreTrace tau_s (" + tauPre + " ms) and PostTrace tau_s (" + tauPost + " ms) must be equal for "
                    + "the symmetric rule");
        }
        double a;
        if (params().isGiven("alpha")) {
            a = params().number("alpha");
        } else {
            if (tauPre == null) {
                throw error("needs the tau_s of a PreTrace behavior on synapse '" + syn.tag() + "' to compute alpha "
                        + "from rho; attach a PreTrace or give alpha");
            }
            a = 2 * params().number("rho") * tauPre / 1000;
        }
        alpha = dtype.round(a);
        lr = dtype.round(params().number("lr"));
        sign = params().bool("is_inhibitory") ? -1.0 : 1.0;
    }

    /** The target trace level in use (rounded to the dtype); valid after initialize. */
    public final double alpha() {
        return alpha;
    }

    private Double traceTau(SynapseGroup syn, String name) {
        Behavior<?> b = syn.behavior(name);
        if (b == null) {
            return null;
        }
        Object tau = b.params().names().contains("tau_s") ? b.params().get("tau_s") : null;
        if (!(tau instanceof Number)) {
            throw error(name + " on synapse '" + syn.tag() + "' has no numeric tau_s (found "
                    + ParameterException.describe(tau) + ")");
        }
        return ((Number) tau).doubleValue();
    }

    /**
     * The increment of synapse {@code (i, j)}, each operation rounded to the dtype in the
     * reference order: {@code lr * (s_pre * ((alpha - x_post) * sign) + x_pre * s_post)}. It is
     * exactly 0 when neither side spiked.
     */
    protected final double dw(double xPre, boolean sPre, double xPost, boolean sPost) {
        double depress = sPre ? dtype.round(alpha - xPost) * sign : 0.0;
        double potentiate = sPost ? xPre : 0.0;
        return dtype.round(lr * dtype.round(depress + potentiate));
    }
}
