package org.conex.examples.izhikevich;

import java.nio.ByteBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Izhikevich's simple model (IEEE Trans. Neural Networks 14(6), 2003), priority 260 like LIF, so
 * it can replace LIF on a group that has the Fire behavior:
 *
 * <pre>
 * v += dt * (0.04 v^2 + 5 v + 140 - u + I)       (v in mV, I in the model's current units)
 * u += dt * a * (b v - u)
 * fire (called by Fire): spikes = v &gt;= v_peak; where spiked: v = c, u += d
 * </pre>
 * dt is the network's time step in ms. Parameters (numbers): {@code a} (1/ms, &gt; 0, default
 * 0.02), {@code b} (default 0.2), {@code c} (mV, reset, default -65), {@code d} (mV, reset jump
 * of u, default 8), {@code v_peak} (mV, default 30), {@code init_v} (mV, default -65).
 * Defaults give regular spiking.
 *
 * <p>State created on the group: {@code v}, {@code u} (float[N]), {@code spikes} (bool[N]) and
 * {@code spiking_neuron}. The parameters stay in this instance rather than in group variables, so
 * a swap from LIF keeps {@code v} and {@code spikes}, initialises {@code u}, and does not inherit
 * LIF's {@code threshold}. Reads {@code I} (float[N]) from a dendrite or driver.
 */
public final class Izhikevich extends Behavior<NeuronGroup> implements SpikingNeuron {
    public static final BehaviorType TYPE = BehaviorType.builder("Izhikevich", Izhikevich::new)
            .version("0.1.0").priority(260).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("a", ParamKind.NUMBER).withDefault(0.02).greaterThan(0).unit("1/ms")
                            .doc("recovery time scale"),
                    ParamSpec.of("b", ParamKind.NUMBER).withDefault(0.2).doc("sensitivity of u to v"),
                    ParamSpec.of("c", ParamKind.NUMBER).withDefault(-65.0).unit("mV").doc("reset voltage"),
                    ParamSpec.of("d", ParamKind.NUMBER).withDefault(8.0).unit("mV").doc("reset jump of u"),
                    ParamSpec.of("v_peak", ParamKind.NUMBER).withDefault(30.0).unit("mV").doc("spike cut-off"),
                    ParamSpec.of("init_v", ParamKind.NUMBER).withDefault(-65.0).unit("mV").doc("initial voltage"))
            .description("Izhikevich simple spiking neuron (integration; Fire calls its reset)")
            .build();

    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double peak;

    public Izhikevich(Params params) {
        super(params);
        a = params.number("a");
        b = params.number("b");
        c = params.number("c");
        d = params.number("d");
        peak = params.number("v_peak");
        if (c >= peak) {
            throw new org.conex.api.behavior.ParameterException("Izhikevich", "c", "a reset below v_peak ("
                    + peak + " mV)", c);
        }
    }

    @Override
    public void initialize(NeuronGroup g) {
        int n = g.size();
        DType dt = g.network().dtype();
        double v0 = params().number("init_v");
        double[] v = new double[n];
        double[] u = new double[n];
        java.util.Arrays.fill(v, v0);
        java.util.Arrays.fill(u, b * v0);
        g.put("v", Tensors.of(dt, v, n));
        g.put("u", Tensors.of(dt, u, n));
        g.put("spikes", Tensors.zeros(DataType.BOOL, n));
        g.put("spiking_neuron", this);
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec u = g.vec("u");
        Vec in = g.vec("I");
        double dt = g.network().dt();
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double y = u.get(k);
            v.set(k, x + dt * (0.04 * x * x + 5 * x + 140 - y + in.get(k)));
            u.set(k, y + dt * a * (b * x - y));
        }
    }

    /** {@code spikes = v >= v_peak}; where spiked {@code v = c, u += d}. */
    @Override
    public void fire(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec u = g.vec("u");
        ByteBuffer s = Views.bools(g.array("spikes"));
        for (int k = 0, n = v.length(); k < n; k++) {
            boolean f = v.get(k) >= peak;
            s.put(k, f ? (byte) 1 : 0);
            if (f) {
                v.set(k, c);
                u.set(k, u.get(k) + d);
            }
        }
    }
}
