package org.conex.behaviors.neurons;

import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Vec;

/**
 * Leaky integrate-and-fire (priority 260). Integration only, one explicit Euler step per iteration:
 * {@code v += ((v_rest - v) + R*I) * dt / tau} (evaluated in this order, every operation rounded
 * to the network's float type). Spikes come from {@link Fire}, which calls {@link #fire}.
 *
 * <p>Parameters and created variables: see {@link AbstractLIF}. Reads {@code I} (float[N]) from
 * SimpleDendriteComputation or a driver, and {@code network.dt} (ms).
 *
 * <p>Closed form for constant I without firing: {@code v_n = v_inf + (v_0 - v_inf)(1 - dt/tau)^n}
 * with {@code v_inf = v_rest + R*I}; {@code dt/tau > 2} is unstable.
 */
public final class LIF extends AbstractLIF {
    public static final BehaviorType TYPE = BehaviorType.builder("LIF", LIF::new)
            .priority(260).target(Target.NEURON_GROUP)
            .params(lifParams())
            .description("leaky integrate-and-fire neuron (integration)")
            .build();

    private float[] hv = new float[0];
    private float[] hRest = new float[0];
    private float[] hr = new float[0];
    private float[] hi = new float[0];
    private float[] hTau = new float[0];

    public LIF(Params params) {
        super(params);
    }

    @Override
    public void forward(NeuronGroup g) {
        Vec v = g.vec("v");
        Vec vRest = g.vec("v_rest");
        Vec r = g.vec("R");
        Vec i = g.vec("I");
        Vec tau = g.vec("tau");
        double dt = v.round(g.network().dt());
        if (v instanceof Vec.F32 && vRest instanceof Vec.F32 && r instanceof Vec.F32 && i instanceof Vec.F32
                && tau instanceof Vec.F32) {
            forward(((Vec.F32) v).buffer(), ((Vec.F32) vRest).buffer(), ((Vec.F32) r).buffer(),
                    ((Vec.F32) i).buffer(), ((Vec.F32) tau).buffer(), (float) dt);
            return;
        }
        for (int k = 0, n = v.length(); k < n; k++) {
            double x = v.get(k);
            double leak = v.round(vRest.get(k) - x);
            double drive = v.round(r.get(k) * i.get(k));
            double s = v.round(leak + drive);
            double step = v.round(v.round(s * dt) / tau.get(k));
            v.set(k, x + step);
        }
    }

    /**
     * Float32 path: the same operations in plain float arithmetic (each correctly rounded), on heap
     * copies of the five vectors so that the JIT vectorises the loop.
     */
    private void forward(FloatBuffer v, FloatBuffer vRest, FloatBuffer r, FloatBuffer i, FloatBuffer tau, float dt) {
        int n = v.capacity();
        if (hv.length != n) {
            hv = new float[n];
            hRest = new float[n];
            hr = new float[n];
            hi = new float[n];
            hTau = new float[n];
        }
        v.get(0, hv, 0, n);
        vRest.get(0, hRest, 0, n);
        r.get(0, hr, 0, n);
        i.get(0, hi, 0, n);
        tau.get(0, hTau, 0, n);
        float[] x = hv;
        float[] rest = hRest;
        float[] res = hr;
        float[] cur = hi;
        float[] t = hTau;
        for (int k = 0; k < n; k++) {
            x[k] = x[k] + (((rest[k] - x[k]) + res[k] * cur[k]) * dt) / t[k];
        }
        v.put(0, hv, 0, n);
    }
}
