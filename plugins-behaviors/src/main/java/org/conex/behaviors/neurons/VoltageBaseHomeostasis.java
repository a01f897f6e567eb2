package org.conex.behaviors.neurons;

import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.ParameterException;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;

/**
 * Voltage homeostasis (priority 301, after KWTA and before Fire): an integral controller that
 * keeps v inside {@code [min_ta, max_ta]}. Each step
 * {@code exhaustion += eta_ip * ((v > max_ta)*(v - max_ta) + (v < min_ta)*(v - min_ta))}, then
 * {@code v -= exhaustion} (strict comparisons; the accumulated offset keeps being subtracted after
 * v is back in range).
 *
 * <p>Parameters (mV): {@code target_voltage}, {@code max_ta} (default target_voltage),
 * {@code min_ta} (default target_voltage), {@code eta_ip} (rate, &gt;= 0, default 0.001). At least
 * one level must be given (the reference crashed on the first step otherwise, BUG-6); a missing
 * bound is not enforced; {@code min_ta <= max_ta} is required. Creates {@code exhaustion}
 * (float[N], mV).
 */
public final class VoltageBaseHomeostasis extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("VoltageBaseHomeostasis",
                    VoltageBaseHomeostasis::new)
            .priority(301).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("target_voltage", ParamKind.NUMBER).unit("mV").doc("default of max_ta and min_ta"),
                    ParamSpec.of("max_ta", ParamKind.NUMBER).unit("mV").doc("upper voltage level"),
                    ParamSpec.of("min_ta", ParamKind.NUMBER).unit("mV").doc("lower voltage level"),
                    ParamSpec.of("eta_ip", ParamKind.NUMBER).withDefault(0.001).atLeast(0).doc("adaptation rate"))
            .description("integral control of v towards [min_ta, max_ta] through 'exhaustion'")
            .build();

    private final Double maxTa;
    private final Double minTa;
    private final double eta;

    /** @throws ParameterException if no level is given or {@code min_ta > max_ta} */
    public VoltageBaseHomeostasis(Params params) {
        super(params);
        Double target = (Double) params.get("target_voltage");
        maxTa = params.get("max_ta") != null ? (Double) params.get("max_ta") : target;
        minTa = params.get("min_ta") != null ? (Double) params.get("min_ta") : target;
        eta = params.number("eta_ip");
        if (maxTa == null && minTa == null) {
            throw new ParameterException(params.component(), "target_voltage",
                    "is required unless max_ta or min_ta is given (no voltage level to regulate to)");
        }
        if (maxTa != null && minTa != null && minTa > maxTa) {
            throw new ParameterException(params.component(), "min_ta", "at most max_ta = " + maxTa, minTa);
        }
    }

    @Override
    public void initialize(NeuronGroup g) {
        g.put("exhaustion", Tensors.zeros(g.network().dtype().nd4j(), g.size()));
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec ex = g.vec("exhaustion");
        boolean hasMax = maxTa != null;
        boolean hasMin = minTa != null;
        double hi = hasMax ? v.round(maxTa) : 0;
        double lo = hasMin ? v.round(minTa) : 0;
        double rate = v.round(eta);
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double above = hasMax && x > hi ? v.round(x - hi) : 0;
            double below = hasMin && x < lo ? v.round(x - lo) : 0;
            double e = v.round(ex.get(k) + v.round(v.round(above + below) * rate));
            ex.set(k, e);
            v.set(k, x - e);
        }
    }
}
