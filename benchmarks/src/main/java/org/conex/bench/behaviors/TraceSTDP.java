package org.conex.bench.behaviors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.ColumnUpdates;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Views;
import org.conex.api.tensor.WeightChanges;

/**
 * Trace STDP of the paper's Izhikevich network (default priority 30, on a synapse group with dense
 * float32 weights {@code [N_src, N_dst]}):
 * <pre>
 * W := clip(W + a_plus * outer(src.trace, dst.spikes) - a_minus * outer(src.spikes, dst.trace), w_min, w_max)
 * </pre>
 * Event-driven: only the columns of destinations that spiked and the rows of sources that spiked
 * change, so only those entries are visited (row by row, in memory order) and clipped; the weights
 * are clipped as a whole once at initialization, so the result equals the dense update. Changed
 * rows and columns are marked on the synapse's weight changes.
 *
 * <p>Parameters: {@code a_plus} (default 0.01), {@code a_minus} (0.012), {@code w_min} (0),
 * {@code w_max} (1). Reads {@code spikes} and {@code trace} (NeuronTrace) of both groups.
 */
public final class TraceSTDP extends ClippedDenseRule {
    public static final BehaviorType TYPE = BehaviorType.builder("TraceSTDP", TraceSTDP::new)
            .priority(30).target(Target.SYNAPSE_GROUP).tag("weight_learning")
            .params(ParamSpec.of("a_plus", ParamKind.NUMBER).withDefault(0.01).doc("potentiation per post spike"),
                    ParamSpec.of("a_minus", ParamKind.NUMBER).withDefault(0.012).doc("depression per pre spike"),
                    ParamSpec.of("w_min", ParamKind.NUMBER).withDefault(0.0).doc("lower weight bound"),
                    ParamSpec.of("w_max", ParamKind.NUMBER).withDefault(1.0).doc("upper weight bound"))
            .weightAccess(WeightAccess.REPORTED)
            .description("paper Izhikevich network: trace STDP, clipped, event-driven")
            .build();

    private float aPlus;
    private float aMinus;
    private ByteBuffer preSpikes;
    private ByteBuffer postSpikes;
    private FloatBuffer preTrace;
    private FloatBuffer postTrace;
    private int[] pre;
    private int[] post;
    private boolean[] preFlag;
    private float[] increments;
    private final ColumnUpdates columnUpdates = new ColumnUpdates();
    private int postCount;
    private float[] row;
    private float[] postMask;
    private float[] depression;

    public TraceSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup s) {
        aPlus = (float) params().number("a_plus");
        aMinus = (float) params().number("a_minus");
        initializeBounds(s, new String[] {"spikes", "trace"}, "a neuron model and NeuronTrace");
        preSpikes = Views.bools(s.src().array("spikes"));
        postSpikes = Views.bools(s.dst().array("spikes"));
        preTrace = Views.floats(s.src().array("trace"));
        postTrace = Views.floats(s.dst().array("trace"));
        pre = new int[s.src().size()];
        post = new int[s.dst().size()];
        preFlag = new boolean[s.src().size()];
        increments = new float[s.src().size()];
        row = new float[s.dst().size()];
        postMask = new float[s.dst().size()];
        depression = new float[s.dst().size()];
    }

    @Override
    public void forward(SynapseGroup s) {
        int nPre = Kernels.spikeIndices(preSpikes, pre.length, pre);
        int nPost = Kernels.spikeIndices(postSpikes, post.length, post);
        postCount = nPost;
        if (nPre == 0 && nPost == 0) {
            return;
        }
        FloatBuffer w = weights(s);
        WeightChanges changes = s.weightChanges();
        int nSrc = pre.length;
        int nDst = post.length;
        for (int k = 0; k < nPre; k++) {
            preFlag[pre[k]] = true;
            changes.markRow(pre[k]);
        }
        for (int k = 0; k < nPost; k++) {
            changes.markColumn(post[k]);
        }
        if (nPre > 0) {
            prepareRows(nDst, nPost);
        }
        for (int i = 0; i < nSrc; i++) {
            if (preFlag[i]) {
                preFlag[i] = false;
                spikingRow(w, i * nDst, nDst, aPlus * preTrace.get(i));
                increments[i] = -0.0f; // its row is done, clamped to [lo, hi]: the walk leaves it as it is
            } else {
                increments[i] = aPlus * preTrace.get(i);
            }
        }
        if (nPost > 0) {
            columnUpdates.addToEveryRow(w, nDst, increments, nSrc, post, postCount, lo, hi,
                    s.network().kernelThreads());
        }
    }

    /**
     * This step's inputs of the spiking rows as heap arrays, so that the row loop runs over
     * separate heap arrays (which the JIT vectorises): {@code depression[j] = a_minus * trace[j]}
     * and {@code postMask[j]} = 1 where destination j spiked, else 0.
     */
    private void prepareRows(int nDst, int nPost) {
        postTrace.get(0, depression, 0, nDst);
        float[] d = depression;
        for (int j = 0; j < nDst; j++) {
            d[j] = aMinus * d[j];
        }
        java.util.Arrays.fill(postMask, 0f);
        for (int k = 0; k < nPost; k++) {
            postMask[post[k]] = 1f;
        }
    }

    /**
     * Row of a source that spiked: depression everywhere, potentiation where the destination
     * spiked, {@code clamp((w + (spiked ? plus : 0)) - a_minus * trace[j])}. For a finite
     * non-negative {@code plus} (always, for non-negative traces and a_plus), {@code mask * plus}
     * is exactly {@code plus} or {@code +0}, so the vectorised form below is the same float
     * expression; otherwise the element-wise form is used.
     */
    private void spikingRow(FloatBuffer w, int base, int nDst, float plus) {
        if (plus >= 0f && plus < Float.POSITIVE_INFINITY) {
            float[] r = row;
            float[] m = postMask;
            float[] d = depression;
            w.get(base, r, 0, nDst);
            for (int j = 0; j < nDst; j++) {
                r[j] = Kernels.clamp((r[j] + m[j] * plus) - d[j], lo, hi);
            }
            w.put(base, r, 0, nDst);
            return;
        }
        for (int j = 0; j < nDst; j++) {
            float p = postSpikes.get(j) != 0 ? plus : 0f;
            float x = (w.get(base + j) + p) - aMinus * postTrace.get(j);
            w.put(base + j, Kernels.clamp(x, lo, hi));
        }
    }
}
