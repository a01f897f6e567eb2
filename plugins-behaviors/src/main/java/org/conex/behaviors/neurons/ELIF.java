package org.conex.behaviors.neurons;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Vec;

/**
 * Exponential leaky integrate-and-fire (priority 260):
 * {@code F(v) = (v_rest - v) + delta * exp((v - theta_rh) / delta)},
 * {@code v += (F(v) + R*I) * dt / tau}, evaluated in the reference's order with every operation
 * rounded to the network's float type. Firing as LIF ({@link AbstractLIF#fire}).
 *
 * <p>Parameters: the LIF ones ({@link AbstractLIF}) plus {@code delta} (sharpness, mV, &gt; 0) and
 * {@code theta_rh} (rheobase threshold, mV), both scalar or one per neuron, stored on the group
 * as float[N] {@code delta} and {@code theta_rh}.
 *
 * <p>The exponential is not saturated (as in the reference): in float32 it overflows to +inf once
 * {@code (v - theta_rh)/delta > ~88.7}; v then becomes +inf and the next Fire resets it.
 */
public class ELIF extends AbstractLIF {
    public static final BehaviorType TYPE = BehaviorType.builder("ELIF", ELIF::new)
            .priority(260).target(Target.NEURON_GROUP)
            .params(lifParams(exponentialParams()))
            .description("exponential leaky integrate-and-fire neuron (integration)")
            .build();

    public ELIF(Params params) {
        super(params);
    }

    /** The declarations of {@code delta} and {@code theta_rh}. */
    static ParamSpec[] exponentialParams(ParamSpec... extra) {
        ParamSpec[] own = {
            ParamSpec.of("delta", ParamKind.NUMBER_OR_TENSOR).asRequired().greaterThan(0).unit("mV")
                    .doc("sharpness of the exponential upswing"),
            ParamSpec.of("theta_rh", ParamKind.NUMBER_OR_TENSOR).asRequired().unit("mV").doc("rheobase threshold"),
        };
        ParamSpec[] all = java.util.Arrays.copyOf(own, own.length + extra.length);
        System.arraycopy(extra, 0, all, own.length, extra.length);
        return all;
    }

    @Override
    protected void initializeModel(NeuronGroup g) {
        DType dt = g.network().dtype();
        g.put("delta", vectorParam("delta", g.size(), dt));
        g.put("theta_rh", vectorParam("theta_rh", g.size(), dt));
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
        double dt = v.round(g.network().dt());
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double d = delta.get(k);
            double boost = v.round(d * v.round(Math.exp(v.round(v.round(x - theta.get(k)) / d))));
            double f = v.round(v.round(vRest.get(k) - x) + boost);
            double s = v.round(f + v.round(r.get(k) * i.get(k)));
            double step = v.round(v.round(s * dt) / tau.get(k));
            v.set(k, x + step);
        }
    }
}
