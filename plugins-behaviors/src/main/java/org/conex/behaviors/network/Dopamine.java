package org.conex.behaviors.network;

import java.util.HashMap;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.Network;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dopamine concentration driven by the payoff (network, priority 120), read by the RSTDP rules.
 *
 * <p>Each step, in double precision and <b>without dt</b> (reference ODD-2):
 * {@code d := d + (-(d / tau_dopamine) + payoff)}, i.e. {@code d_t = (1 - 1/tau) d_{t-1} + payoff_t},
 * with the payoff written at priority 100-110 of the same step. With a constant payoff p the steady
 * state is {@code tau * p}; the recursion is stable for {@code tau > 1/2}; {@code tau = 1} gives
 * {@code d_t = payoff_t}.
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code tau_dopamine} (required, &gt; 0, in steps): decay time constant. The reference
 *       default 0 divides by zero (BUG-1), so it must be given;</li>
 *   <li>{@code initial_dopamine_concentration} (default: {@code network.payoff} at initialize).</li>
 * </ul>
 * Creates the network scalars {@code tau_dopamine} and {@code dopamine_concentration}. An absent
 * {@code network.payoff} counts as 0, so Dopamine works without a Payoff behavior when an initial
 * concentration is given (the reference crashes there, BUG-2).
 *
 * <p>The payoff may also be a tensor (spec: "a number or a tensor"), e.g. one reward per
 * destination neuron written by a {@link Payoff.VectorSchedule}. The concentration then becomes a
 * float vector of the same length (the network dtype), updated element-wise by the same formula
 * with every operation rounded to the dtype (as torch does on a tensor); a scalar concentration
 * spreads to every element on the first such step. A vector concentration and a vector payoff
 * must have the same length. The RSTDP rules read a vector concentration as one value per
 * destination neuron ({@link org.conex.behaviors.learning.RstdpRule}).
 */
public final class Dopamine extends Behavior<Network> {
    public static final BehaviorType TYPE = BehaviorType.builder("Dopamine", Dopamine::new)
            .priority(120).target(Target.NETWORK)
            .params(ParamSpec.of("tau_dopamine", ParamKind.NUMBER).asRequired().greaterThan(0).unit("steps")
                            .doc("decay time constant (the update ignores dt)"),
                    ParamSpec.of("initial_dopamine_concentration", ParamKind.NUMBER)
                            .doc("initial concentration (default: network.payoff at initialization)"))
            .description("dopamine concentration d += -d/tau + payoff")
            .build();

    private final double tau;

    public Dopamine(Params params) {
        super(params);
        tau = params.number("tau_dopamine");
    }

    /**
     * Dopamine with time constant {@code tau} and initial concentration {@code initial} (null: the
     * payoff at initialize), typed as {@link #TYPE} (default priority 120).
     */
    public Dopamine(double tau, Double initial) {
        this(TYPE.params(args(tau, initial)));
        setType(TYPE);
    }

    private static Map<String, Object> args(double tau, Double initial) {
        Map<String, Object> m = new HashMap<>();
        m.put("tau_dopamine", tau);
        m.put("initial_dopamine_concentration", initial);
        return m;
    }

    @Override
    public void initialize(Network net) {
        net.put("tau_dopamine", tau);
        double concentration;
        INDArray payoffVector = vector(net.get("payoff"));
        if (params().isGiven("initial_dopamine_concentration") && payoffVector != null) {
            // one concentration per payoff element from the start, so the variable keeps one form
            double[] spread = new double[(int) payoffVector.length()];
            java.util.Arrays.fill(spread, params().number("initial_dopamine_concentration"));
            net.put("dopamine_concentration", Tensors.of(net.dtype(), spread, spread.length));
            return;
        }
        if (params().isGiven("initial_dopamine_concentration")) {
            concentration = params().number("initial_dopamine_concentration");
        } else if (vector(net.get("payoff")) != null) {
            net.put("dopamine_concentration", Tensors.of(net.dtype(), Tensors.toDoubles(vector(net.get("payoff"))),
                    vector(net.get("payoff")).length()));
            return;
        } else if (net.has("payoff")) {
            concentration = net.scalar("payoff");
        } else {
            throw error("needs network.payoff for its initial concentration; add a Payoff behavior (priority 100) or "
                    + "give initial_dopamine_concentration");
        }
        net.put("dopamine_concentration", concentration);
    }

    @Override
    public void forward(Network net) {
        INDArray dv = vector(net.get("dopamine_concentration"));
        INDArray pv = vector(net.get("payoff"));
        if (dv == null && pv == null) {
            double d = net.scalar("dopamine_concentration");
            double payoff = net.scalar("payoff", 0.0);
            net.put("dopamine_concentration", d + (-(d / tau) + payoff));
            return;
        }
        if (dv != null && pv != null && dv.length() != pv.length()) {
            throw error("network.payoff has " + pv.length() + " values but dopamine_concentration has " + dv.length()
                    + "; a tensor payoff must keep its length");
        }
        int n = (int) (dv != null ? dv.length() : pv.length());
        if (dv == null) {
            double d0 = net.scalar("dopamine_concentration");
            double[] spread = new double[n];
            java.util.Arrays.fill(spread, d0);
            net.put("dopamine_concentration", Tensors.of(net.dtype(), spread, n));
        }
        Vec d = net.vec("dopamine_concentration");
        Vec p = pv != null ? net.vec("payoff") : null;
        double scalarPayoff = pv != null ? 0.0 : net.scalar("payoff", 0.0);
        DType t = net.dtype();
        double tauT = t.round(tau);
        for (int k = 0; k < n; k++) {
            double dk = d.get(k);
            double pk = t.round(p != null ? p.get(k) : scalarPayoff);
            d.set(k, t.round(dk + t.round(-t.round(dk / tauT) + pk)));
        }
    }

    /** {@code v} as a tensor of more than one value, else null (numbers and 1-element tensors are scalars). */
    private static INDArray vector(Object v) {
        return v instanceof INDArray && ((INDArray) v).length() != 1 ? (INDArray) v : null;
    }
}
