package org.conex.bench.behaviors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.TensorSpec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Izhikevich neuron of the PymoNNtorch paper's benchmark (default priority 20), one fused pass
 * per step with dt = 1 ms (v in mV, u in mV, I in mV/ms):
 * <pre>
 * spikes := v &gt;= threshold;  v[spikes] := c;  u[spikes] += d
 * v += 0.04 v² + 5 v + 140 - u + I
 * u += a (b v - u)
 * </pre>
 * Creates {@code v}, {@code u} (float32[N], drawn from {@code init_v} and {@code init_u}),
 * {@code spikes} (bool[N]) and {@code I} (float32[N], zeros, unless a driver made it already).
 * Parameters: {@code a} (0.02), {@code b} (0.2), {@code c} (-65 mV), {@code d} (8 mV),
 * {@code threshold} (30 mV), {@code init_v} ("normal(-65, 7)"), {@code init_u} ("normal(12, 7)").
 */
public final class IzhikevichNeuron extends Behavior<NeuronGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("IzhikevichNeuron", IzhikevichNeuron::new)
            .priority(20).target(Target.NEURON_GROUP)
            .params(ParamSpec.of("a", ParamKind.NUMBER).withDefault(0.02).doc("recovery time scale (1/ms)"),
                    ParamSpec.of("b", ParamKind.NUMBER).withDefault(0.2).doc("recovery sensitivity to v"),
                    ParamSpec.of("c", ParamKind.NUMBER).withDefault(-65.0).unit("mV").doc("reset voltage"),
                    ParamSpec.of("d", ParamKind.NUMBER).withDefault(8.0).unit("mV").doc("recovery jump after a spike"),
                    ParamSpec.of("threshold", ParamKind.NUMBER).withDefault(30.0).unit("mV").doc("spike cut-off"),
                    ParamSpec.of("init_v", ParamKind.STRING).withDefault("normal(-65, 7)").unit("mV")
                            .doc("tensor mode of the initial v"),
                    ParamSpec.of("init_u", ParamKind.STRING).withDefault("normal(12, 7)").unit("mV")
                            .doc("tensor mode of the initial u"))
            .description("Izhikevich neuron (paper benchmark), Euler step of 1 ms")
            .build();

    private float a;
    private float b;
    private float c;
    private float d;
    private float threshold;
    private FloatBuffer v;
    private FloatBuffer u;
    private FloatBuffer input;
    private ByteBuffer spikes;

    public IzhikevichNeuron(Params params) {
        super(params);
    }

    @Override
    public void initialize(NeuronGroup g) {
        Checks.float32(this, g);
        a = (float) params().number("a");
        b = (float) params().number("b");
        c = (float) params().number("c");
        d = (float) params().number("d");
        threshold = (float) params().number("threshold");
        int n = g.size();
        g.put("v", draw("init_v", n, "v"));
        g.put("u", draw("init_u", n, "u"));
        g.put("spikes", Tensors.zeros(DataType.BOOL, n));
        if (!g.has("I")) {
            g.put("I", Tensors.zeros(DataType.FLOAT, n));
        }
        v = Views.floats(g.array("v"));
        u = Views.floats(g.array("u"));
        input = Views.floats(g.array("I"));
        spikes = Views.bools(g.array("spikes"));
    }

    private org.nd4j.linalg.api.ndarray.INDArray draw(String param, int n, String variable) {
        TensorSpec spec;
        try {
            spec = TensorSpec.parse(params().string(param));
        } catch (ConexException e) {
            throw error("parameter '" + param + "': " + e.getMessage());
        }
        double[] values = spec.sample(n, owner().network().random().stream(owner().tag() + "/" + name() + "/"
                + variable));
        return Tensors.of(owner().network().dtype(), values, n);
    }

    @Override
    public void forward(NeuronGroup g) {
        for (int k = 0, n = v.capacity(); k < n; k++) {
            float x = v.get(k);
            float y = u.get(k);
            boolean fire = x >= threshold;
            spikes.put(k, fire ? (byte) 1 : 0);
            if (fire) {
                x = c;
                y = y + d;
            }
            x = x + ((((0.04f * x) * x + 5f * x) + 140f - y) + input.get(k));
            y = y + a * (b * x - y);
            v.put(k, x);
            u.put(k, y);
        }
    }
}
