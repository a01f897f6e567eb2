package org.conex.behaviors.learning;

import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Reward-modulated STDP on dense weights {@code [N_src, N_dst]} (SxD), priority 500: the
 * {@link SimpleSTDP} increment feeds the eligibility {@code c [N_src, N_dst]} and the weights move
 * by {@code c * dopamine} (see {@link RstdpRule}). One fused pass over all entries per step: the
 * STDP term is evaluated only where the source or the destination spiked (it is exactly 0
 * elsewhere), the eligibility decay and the weight update everywhere.
 */
public final class SimpleRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("SimpleRSTDP", SimpleRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP on dense weights")
            .build();

    /** This step's per-destination dopamine in float32 (float networks). */
    private float[] dF32 = new float[0];

    public SimpleRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        Vec w = denseWeights(syn);
        createEligibility(syn, w.length(), syn.src().size(), syn.dst().size());
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = denseWeights(syn);
        Vec c = eligibilityView(syn, w.length());
        double[] d = dopaminePerDestination(syn);
        int nDst = syn.dst().size();
        int nSrc = syn.src().size();
        if (w instanceof Vec.F32 && c instanceof Vec.F32) {
            FloatBuffer wb = ((Vec.F32) w).buffer();
            FloatBuffer cb = ((Vec.F32) c).buffer();
            if (dF32.length != nDst) {
                dF32 = new float[nDst];
            }
            for (int j = 0; j < nDst; j++) {
                dF32[j] = (float) d[j];
            }
            for (int i = 0; i < nSrc; i++) {
                rowF32(wb, cb, i, nDst, dF32);
            }
        } else {
            for (int i = 0; i < nSrc; i++) {
                row(w, c, i, nDst, d);
            }
        }
    }

    /** One row in the dtype-generic arithmetic (float64 networks). */
    private void row(Vec w, Vec c, int i, int nDst, double[] d) {
        boolean sPre = inputs.preSpike(i);
        double xi = inputs.preTrace().get(i);
        boolean[] post = inputs.postFlags();
        Vec xPost = inputs.postTrace();
        for (int j = 0, k = i * nDst; j < nDst; j++, k++) {
            double wk = w.get(k);
            double dw = sPre || post[j] ? stdp.dw(wk, xi, sPre, xPost.get(j), post[j]) : 0.0;
            double ck = eligibility(c.get(k), dw);
            c.set(k, ck);
            w.set(k, wk + dtype.round(ck * d[j]));
        }
    }

    /**
     * One row of a float32 network in float arithmetic (each Java float operation is the
     * correctly rounded float32 result, so this equals {@link #row} with rounding after every op).
     */
    private void rowF32(FloatBuffer w, FloatBuffer c, int i, int nDst, float[] d) {
        boolean sPre = inputs.preSpike(i);
        double xi = inputs.preTrace().get(i);
        boolean[] post = inputs.postFlags();
        Vec xPost = inputs.postTrace();
        float tau = (float) tauC;
        for (int j = 0, k = i * nDst; j < nDst; j++, k++) {
            float wk = w.get(k);
            float dw = sPre || post[j] ? (float) stdp.dw(wk, xi, sPre, xPost.get(j), post[j]) : 0f;
            float ck = c.get(k);
            ck = ck + (-ck / tau + dw);
            c.put(k, ck);
            w.put(k, wk + ck * d[j]);
        }
    }
}
