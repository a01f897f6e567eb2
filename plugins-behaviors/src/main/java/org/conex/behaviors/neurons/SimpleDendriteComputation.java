package org.conex.behaviors.neurons;

import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Combines the dendritic currents into the membrane input {@code I} (priority 240, after
 * SimpleDendriteStructure, before the neuron model). Each step:
 * <ol>
 * <li>{@code I := I - I / I_tau} if {@code I_tau} is given (no dt, reference ODD-2), else {@code I := 0};</li>
 * <li>for kind k in {apical, distal} with provocativeness p_k:
 *     {@code term_k = tanh(I_k) * max(v_rest + p_k*(threshold - v_rest) - v, 0)}, else 0;</li>
 * <li>{@code I += I_proximal + tau * (term_apical + term_distal) / R} (tau, R of the group, 1 if
 *     absent).</li>
 * </ol>
 * Under LIF the modulatory part moves v by exactly {@code term * dt}: distal/apical input alone can
 * lift v at most to {@code v_rest + p*(threshold - v_rest)} ("priming" without firing for p &lt; 1).
 *
 * <p>Parameters: {@code I_tau} (steps, &gt; 0, default none), {@code apical_provocativeness},
 * {@code distal_provocativeness} (fractions of the rest-to-threshold span, typically in [0, 1],
 * default none). Creates {@code I} (float[N]); reads {@code I_proximal}, {@code I_distal},
 * {@code I_apical} and, for the modulatory terms, {@code v}, {@code v_rest}, {@code threshold}.
 * A disabled dendrite kind contributes zeros (the reference crashed, BUG-5).
 */
public final class SimpleDendriteComputation extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("SimpleDendriteComputation",
                    SimpleDendriteComputation::new)
            .priority(240).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("I_tau", ParamKind.NUMBER).greaterThan(0).unit("steps")
                            .doc("decay of I between steps (default: I restarts at 0 every step)"),
                    ParamSpec.of("apical_provocativeness", ParamKind.NUMBER)
                            .doc("fraction of the rest-to-threshold span apical input can reach"),
                    ParamSpec.of("distal_provocativeness", ParamKind.NUMBER)
                            .doc("fraction of the rest-to-threshold span distal input can reach"))
            .description("I = decayed I + I_proximal + tau/R * modulatory apical/distal terms")
            .build();

    private final Double iTau;
    private final Double apical;
    private final Double distal;
    private float[] hc = new float[0];
    private float[] hp = new float[0];

    public SimpleDendriteComputation(Params params) {
        super(params);
        iTau = (Double) params.get("I_tau");
        apical = (Double) params.get("apical_provocativeness");
        distal = (Double) params.get("distal_provocativeness");
    }

    /** Creates {@code I = 0}; requires the dendrite structure's outputs. */
    @Override
    public void initialize(NeuronGroup g) {
        for (String v : SimpleDendriteStructure.OUTPUTS) {
            if (!g.has(v)) {
                throw error("needs '" + v + "' from SimpleDendriteStructure (priority 220) on the same group");
            }
        }
        g.put("I", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec current = g.vec("I");
        Vec proximal = g.vec("I_proximal");
        boolean decay = iTau != null;
        double tauI = current.round(decay ? iTau : 1.0);
        boolean modulated = apical != null || distal != null;
        if (!modulated && current instanceof Vec.F32 && proximal instanceof Vec.F32) {
            proximalOnly(((Vec.F32) current).buffer(), ((Vec.F32) proximal).buffer(), decay, (float) tauI);
            return;
        }
        Vec v = null;
        Vec vRest = null;
        Vec threshold = null;
        Vec apicalIn = null;
        Vec distalIn = null;
        Vec tau = null;
        Vec r = null;
        double tauScalar = 1.0;
        double rScalar = 1.0;
        if (modulated) {
            v = g.vec("v");
            vRest = g.vec("v_rest");
            threshold = g.vec("threshold");
            apicalIn = apical != null ? g.vec("I_apical") : null;
            distalIn = distal != null ? g.vec("I_distal") : null;
            tau = perNeuron(g, "tau");
            r = perNeuron(g, "R");
            tauScalar = tau == null ? current.round(g.scalar("tau", 1.0)) : 1.0;
            rScalar = r == null ? current.round(g.scalar("R", 1.0)) : 1.0;
        }
        double pApical = current.round(apical != null ? apical : 0.0);
        double pDistal = current.round(distal != null ? distal : 0.0);
        for (int k = 0, n = current.length(); k < n; k++) {
            double c = 0.0;
            if (decay) {
                double x = current.get(k);
                c = current.round(x - current.round(x / tauI));
            }
            double mod = 0.0;
            if (modulated) {
                double rest = vRest.get(k);
                double span = current.round(threshold.get(k) - rest);
                double x = v.get(k);
                double terms = 0.0;
                if (apicalIn != null) {
                    terms = term(current, apicalIn.get(k), rest, pApical, span, x);
                }
                if (distalIn != null) {
                    terms = current.round(terms + term(current, distalIn.get(k), rest, pDistal, span, x));
                }
                double t = tau != null ? tau.get(k) : tauScalar;
                double rk = r != null ? r.get(k) : rScalar;
                mod = current.round(current.round(t * terms) / rk);
            }
            current.set(k, c + current.round(proximal.get(k) + mod));
        }
    }

    /**
     * Float32 path without apical/distal terms: {@code I := [I - I / I_tau] + (I_proximal + 0)}, the
     * operations of the general loop in plain float arithmetic, on heap copies (vectorised).
     */
    private void proximalOnly(FloatBuffer current, FloatBuffer proximal, boolean decay, float tauI) {
        int n = current.capacity();
        if (hc.length != n) {
            hc = new float[n];
            hp = new float[n];
        }
        float[] c = hc;
        float[] p = hp;
        proximal.get(0, p, 0, n);
        if (decay) {
            current.get(0, c, 0, n);
            for (int k = 0; k < n; k++) {
                c[k] = (c[k] - c[k] / tauI) + (p[k] + 0f);
            }
        } else {
            for (int k = 0; k < n; k++) {
                c[k] = 0f + (p[k] + 0f);
            }
        }
        current.put(0, c, 0, n);
    }

    /** The group's per-neuron view of {@code name}, or null if it is a scalar or absent. */
    private static Vec perNeuron(NeuronGroup g, String name) {
        return g.get(name) instanceof INDArray ? g.vec(name) : null;
    }

    /** {@code tanh(input) * max(rest + p*span - v, 0)} in the view's precision. */
    private static double term(Vec f, double input, double rest, double p, double span, double v) {
        double limit = f.round(rest + f.round(p * span));
        double gap = Math.max(f.round(limit - v), 0.0);
        return f.round(f.round(Math.tanh(input)) * gap);
    }
}
