package org.conex.behaviors.synapses;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Common part of {@link PreTrace} and {@link PostTrace}: an exponentially decaying spike trace
 * kept on the synapse, updated add-first-then-decay in the network dtype:
 * <pre>  x := x + s * spike_scale
 *  x := x - (x / tau_s) * dt</pre>
 * with s the caught spikes as 0/1 and dt the network's time step (ms). Closed form
 * {@code x_t = (1 - dt/tau_s) * (x_{t-1} + spike_scale * s_t)}; a spike every step converges to
 * {@code spike_scale * (tau_s/dt - 1)}.
 *
 * <p>Parameters: {@code tau_s} (ms, required, must exceed dt: otherwise the decay factor
 * {@code 1 - dt/tau_s} is &lt;= 0, which the reference does not check), {@code spike_scale}
 * (default 1).
 */
abstract class SpikeTrace extends Behavior<SynapseGroup> {
    static final ParamSpec[] PARAMS = {
        ParamSpec.of("tau_s", ParamKind.NUMBER).asRequired().greaterThan(0).unit("ms").doc("trace time constant"),
        ParamSpec.of("spike_scale", ParamKind.NUMBER).withDefault(1.0).doc("increment per spike"),
    };

    private double tau;
    private double scale;
    private INDArray spikeArray;
    private ByteBuffer spikes;
    private float[] hx = new float[0];
    private byte[] hs = new byte[0];
    private int[] spiking = new int[0];

    SpikeTrace(Params params) {
        super(params);
    }

    /** "pre_spike" or "post_spike". */
    abstract String spikeVariable();

    /** "pre_trace" or "post_trace". */
    abstract String traceVariable();

    /** Size of the traced group. */
    abstract int size(SynapseGroup synapse);

    @Override
    public final void initialize(SynapseGroup synapse) {
        double dt = synapse.network().dt();
        double tauS = params().number("tau_s");
        if (!(tauS > dt)) {
            throw error("parameter 'tau_s' = " + tauS + " ms must be greater than dt = " + dt
                    + " ms, otherwise the decay factor 1 - dt/tau_s is <= 0");
        }
        tau = synapse.network().dtype().round(tauS);
        scale = synapse.network().dtype().round(params().number("spike_scale"));
        synapse.put(traceVariable(), Tensors.zeros(synapse.network().dtype().nd4j(), size(synapse)));
        spikeArray = null;
    }

    @Override
    public final void forward(SynapseGroup synapse) {
        Vec x = synapse.vec(traceVariable());
        ByteBuffer s = spikes(synapse);
        double dt = x.round(synapse.network().dt());
        if (x instanceof Vec.F32) {
            decay(((Vec.F32) x).buffer(), s, (float) scale, (float) tau, (float) dt);
            return;
        }
        for (int i = 0, n = x.length(); i < n; i++) {
            double v = x.get(i);
            if (s.get(i) != 0) {
                v = x.round(v + scale);
            }
            x.set(i, v - x.round(x.round(v / tau) * dt));
        }
    }

    /**
     * Float32 path: the same operations in plain float arithmetic, on a heap copy: the spike
     * increments first, then the decay in a loop the JIT vectorises.
     */
    private void decay(FloatBuffer x, ByteBuffer s, float scale, float tau, float dt) {
        int n = x.capacity();
        if (hx.length != n) {
            hx = new float[n];
            hs = new byte[n];
            spiking = new int[n];
        }
        float[] h = hx;
        x.get(0, h, 0, n);
        s.get(0, hs, 0, n);
        int[] fired = spiking;
        for (int k = 0, c = Kernels.spikeIndices(hs, n, fired); k < c; k++) {
            int i = fired[k];
            h[i] = h[i] + scale;
        }
        for (int i = 0; i < n; i++) {
            h[i] = h[i] - (h[i] / tau) * dt;
        }
        x.put(0, h, 0, n);
    }

    private ByteBuffer spikes(SynapseGroup synapse) {
        if (!synapse.has(spikeVariable())) {
            throw error("needs '" + spikeVariable() + "' on the synapse: add a "
                    + ("pre_spike".equals(spikeVariable()) ? "PreSpikeCatcher" : "PostSpikeCatcher"));
        }
        INDArray a = synapse.array(spikeVariable());
        if (a != spikeArray) {
            int n = size(synapse);
            if (a.dataType() != DataType.BOOL || a.length() != n) {
                throw error("'" + spikeVariable() + "' must be bool[" + n + "], found " + a.dataType() + "["
                        + a.length() + "]");
            }
            spikes = Views.bools(a);
            spikeArray = a;
        }
        return spikes;
    }
}
