package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;

/**
 * Adaptive exponential leaky integrate-and-fire (priority 260).
 *
 * <p>Integration ({@link #forward}): {@code v += (F(v) + R*I - R*omega) * dt / tau} with F from
 * {@link ELIF}. Firing ({@link #fire}, called by {@link Fire}): the LIF rule
 * ({@code spikes = v >= threshold; v[spikes] = v_reset}), then the adaptation step with the
 * <b>post-reset</b> v and the new spikes s (0/1):
 * {@code omega += (alpha*(v - v_rest) - omega + beta*w_tau*s) * dt / w_tau}. So each spike adds
 * {@code beta*dt} to omega at once, and omega changes only when Fire runs.
 *
 * <p>Parameters: the ELIF ones plus {@code alpha} (subthreshold adaptation, 1/MOhm), {@code beta}
 * (spike-triggered adaptation, nA), {@code w_tau} (adaptation time constant, ms, &gt; 0), all
 * scalars as in the reference, and {@code omega} (initial adaptation current, nA, scalar or one
 * per neuron, default 0). Creates {@code omega} (float[N]) and the group scalars {@code alpha},
 * {@code beta}, {@code w_tau}, which Fire reads.
 */
public final class AELIF extends ELIF {
    public static final BehaviorType TYPE = BehaviorType.builder("AELIF", AELIF::new)
            .priority(260).target(Target.NEURON_GROUP)
            .params(lifParams(exponentialParams(
                    ParamSpec.of("alpha", ParamKind.NUMBER).asRequired().doc("subthreshold adaptation"),
                    ParamSpec.of("beta", ParamKind.NUMBER).asRequired().doc("spike-triggered adaptation"),
                    ParamSpec.of("w_tau", ParamKind.NUMBER).asRequired().greaterThan(0).unit("ms")
                            .doc("adaptation time constant"),
                    ParamSpec.of("omega", ParamKind.NUMBER_OR_TENSOR).doc("initial adaptation (default 0)"))))
            .description("adaptive exponential leaky integrate-and-fire neuron (integration; adaptation in Fire)")
            .build();

    public AELIF(Params params) {
        super(params);
    }

    @Override
    protected void initializeModel(NeuronGroup g) {
        super.initializeModel(g);
        g.put("alpha", params().number("alpha"));
        g.put("beta", params().number("beta"));
        g.put("w_tau", params().number("w_tau"));
        g.put("omega", params().get("omega") == null ? Tensors.zeros(g.network().dtype().nd4j(), g.size())
                : vectorParam("omega", g.size(), g.network().dtype()));
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec vRest = g.vec("v_rest");
        Vec r = g.vec("R");
        Vec i = g.vec("I");
        Vec tau = g.vec("tau");
        Vec delta = g.vec("delta");
        Vec theta = g.vec("theta_rh");
        Vec omega = g.vec("omega");
        double dt = v.round(g.network().dt());
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double d = delta.get(k);
            double rk = r.get(k);
            double boost = v.round(d * v.round(Math.exp(v.round(v.round(x - theta.get(k)) / d))));
            double f = v.round(v.round(vRest.get(k) - x) + boost);
            double drive = v.round(v.round(rk * i.get(k)) - v.round(rk * omega.get(k)));
            double s = v.round(f + drive);
            double step = v.round(v.round(s * dt) / tau.get(k));
            v.set(k, x + step);
        }
    }

    /** The LIF firing rule fused with the adaptation step (post-reset v, new spikes). */
    @Override
    public void fire(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec th = g.vec("threshold");
        Vec reset = g.vec("v_reset");
        Vec vRest = g.vec("v_rest");
        Vec omega = g.vec("omega");
        ByteBuffer s = spikes(g);
        double wTauNow = g.scalar("w_tau");
        double a = v.round(g.scalar("alpha"));
        double spikeKick = v.round(g.scalar("beta") * wTauNow);
        double dt = v.round(g.network().dt());
        double wt = v.round(wTauNow);
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            boolean fired = x >= th.get(k);
            s.put(k, fired ? (byte) 1 : 0);
            if (fired) {
                x = reset.get(k);
                v.set(k, x);
            }
            double w = omega.get(k);
            double sub = v.round(a * v.round(x - vRest.get(k)));
            double total = v.round(v.round(sub - w) + (fired ? spikeKick : 0.0));
            omega.set(k, w + v.round(v.round(total * dt) / wt));
        }
    }
}
