package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.TensorValue;
import org.conex.api.model.NeuronGroup;
import org.conex.api.neuron.SpikingNeuron;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Leaky integrate-and-fire (priority 260). Integration only:
 * {@code v += ((v_rest - v) + R*I) * dt / tau} (this evaluation order); spikes come from
 * {@link Fire}, which calls {@link #fire}: {@code spikes = v >= threshold; v[spikes] = v_reset}.
 *
 * <p>Parameters (scalar or one value per neuron): R (MOhm), threshold (mV), tau (ms, &gt; 0),
 * v_reset (mV), v_rest (mV); init_v (mV, default 0), init_s (default v &gt;= threshold).
 * Creates {@code v, spikes, R, tau, threshold, v_reset, v_rest} (float[N], spikes bool[N]) and
 * {@code spiking_neuron}. Reads {@code I} (float[N]) from SimpleDendriteComputation or a driver.
 */
public class LIF extends Behavior<NeuronGroup> implements SpikingNeuron {
    public static final BehaviorType TYPE = BehaviorType.builder("LIF", LIF::new)
            .priority(260).target(Target.NEURON_GROUP)
            .params(lifParams())
            .description("leaky integrate-and-fire neuron (integration)")
            .build();

    /** The LIF parameter declarations, reused by ELIF and AELIF. */
    public static ParamSpec[] lifParams() {
        return new ParamSpec[] {
            ParamSpec.of("R", ParamKind.NUMBER_OR_TENSOR).asRequired().unit("MOhm").doc("membrane resistance"),
            ParamSpec.of("threshold", ParamKind.NUMBER_OR_TENSOR).asRequired().unit("mV").doc("spike threshold"),
            ParamSpec.of("tau", ParamKind.NUMBER_OR_TENSOR).asRequired().greaterThan(0).unit("ms")
                    .doc("membrane time constant"),
            ParamSpec.of("v_reset", ParamKind.NUMBER_OR_TENSOR).asRequired().unit("mV").doc("reset voltage"),
            ParamSpec.of("v_rest", ParamKind.NUMBER_OR_TENSOR).asRequired().unit("mV").doc("resting voltage"),
            ParamSpec.of("init_v", ParamKind.NUMBER_OR_TENSOR).unit("mV").doc("initial voltage (default 0)"),
            ParamSpec.of("init_s", ParamKind.NUMBER_OR_TENSOR).doc("initial spikes (default v >= threshold)"),
        };
    }

    public LIF(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        int n = g.size();
        DType dt = g.network().dtype();
        for (String p : new String[] {"R", "tau", "threshold", "v_reset", "v_rest"}) {
            g.put(p, vectorParam(p, n, dt));
        }
        INDArray v = params().get("init_v") == null ? Tensors.zeros(dt.nd4j(), n) : vectorParam("init_v", n, dt);
        g.put("v", v);
        boolean[] s = new boolean[n];
        Object is = params().get("init_s");
        Vec vv = g.vec("v");
        Vec th = g.vec("threshold");
        for (int i = 0; i < n; i++) {
            if (is == null) {
                s[i] = vv.get(i) >= th.get(i);
            } else if (is instanceof Number) {
                s[i] = ((Number) is).doubleValue() != 0;
            } else {
                TensorValue t = (TensorValue) is;
                if (t.length() != n) {
                    throw error("parameter 'init_s' has " + t.length() + " values, expected " + n);
                }
                s[i] = t.get(i) != 0;
            }
        }
        g.put("spikes", Tensors.bools(s, n));
        g.put("spiking_neuron", this);
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec vRest = g.vec("v_rest");
        Vec r = g.vec("R");
        Vec i = g.vec("I");
        Vec tau = g.vec("tau");
        double dt = v.round(g.network().dt());
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double leak = v.round(vRest.get(k) - x);
            double drive = v.round(r.get(k) * i.get(k));
            double s = v.round(leak + drive);
            double step = v.round(v.round(s * dt) / tau.get(k));
            v.set(k, x + step);
        }
    }

    /** {@code spikes = v >= threshold; v[spikes] = v_reset}. Subclasses add post-spike updates. */
    @Override
    public void fire(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec th = g.vec("threshold");
        Vec reset = g.vec("v_reset");
        INDArray spikes = g.array("spikes");
        if (spikes.dataType() != DataType.BOOL) {
            throw error("'spikes' must be a bool vector, found " + spikes.dataType());
        }
        ByteBuffer s = Views.bools(spikes);
        for (int k = 0, n = v.length(); k < n; k++) {
            boolean f = v.get(k) >= th.get(k);
            s.put(k, f ? (byte) 1 : 0);
            if (f) {
                v.set(k, reset.get(k));
            }
        }
    }
}
