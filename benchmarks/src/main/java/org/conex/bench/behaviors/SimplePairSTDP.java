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
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.RowSums;
import org.conex.api.tensor.Views;
import org.conex.api.tensor.WeightChanges;

/**
 * STDP of the PymoNNtorch paper's "Simple" network (default priority 30, on a synapse group with
 * dense float32 weights {@code [N_src, N_dst]}): {@code W[i, j] += increment} for every pair of a
 * source i that spiked in the previous step ({@code src.spikes_old}) and a destination j that
 * spikes now ({@code dst.spikes}), then {@code W := clip(W, w_min, w_max)}.
 *
 * <p>Event-driven: only the pairs change, so only they are visited and clipped (the weights are
 * clipped once as a whole at initialization, so every other entry is already inside the bounds);
 * the result equals the dense update and full clip. The changed rows are marked on the synapse's
 * weight changes. With the network's {@link KernelThreads} the pairs are split by the column ranges
 * of {@link RowSums} (whose rows the drive of the previous step read, usually on the same threads:
 * the caller claims the first range of both), so each thread mostly updates cache lines it already
 * holds; the same weights for every thread count.
 * Parameters: {@code increment} (default 0.001), {@code w_min} (0), {@code w_max} (1).
 */
public final class SimplePairSTDP extends ClippedDenseRule {
    public static final BehaviorType TYPE = BehaviorType.builder("SimplePairSTDP", SimplePairSTDP::new)
            .priority(30).target(Target.SYNAPSE_GROUP).tag("weight_learning")
            .params(ParamSpec.of("increment", ParamKind.NUMBER).withDefault(0.001).doc("weight change per pair"),
                    ParamSpec.of("w_min", ParamKind.NUMBER).withDefault(0.0).doc("lower weight bound"),
                    ParamSpec.of("w_max", ParamKind.NUMBER).withDefault(1.0).doc("upper weight bound"))
            .weightAccess(WeightAccess.REPORTED)
            .description("paper 'Simple' network: W[pre(t-1), post(t)] += increment, clipped")
            .build();

    private float increment;
    private ByteBuffer preOld;
    private ByteBuffer post;
    private int[] pre;
    private int[] posts;
    private float[] increments;
    private final KernelThreads.Part part = this::updateRange;
    private FloatBuffer w;
    private int nPre;
    private int nPost;

    public SimplePairSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup s) {
        increment = (float) params().number("increment");
        initializeBounds(s, new String[] {"spikes_old", "spikes"}, "SimpleSpikeGeneration");
        preOld = Views.bools(s.src().array("spikes_old"));
        post = Views.bools(s.dst().array("spikes"));
        pre = new int[s.src().size()];
        posts = new int[s.dst().size()];
        increments = new float[s.src().size()];
        java.util.Arrays.fill(increments, increment);
    }

    @Override
    public void forward(SynapseGroup s) {
        int nPre = Kernels.spikeIndices(preOld, pre.length, pre);
        int nPost = Kernels.spikeIndices(post, posts.length, posts);
        if (nPre == 0 || nPost == 0) {
            return;
        }
        FloatBuffer w = weights(s);
        WeightChanges changes = s.weightChanges();
        int nDst = posts.length;
        for (int a = 0; a < nPre; a++) {
            changes.markRow(pre[a]);
        }
        KernelThreads threads = s.network().kernelThreads();
        int parts = RowSums.columnParts(nDst, threads);
        if (parts < 2 || (long) nPre * nPost < SPLIT_MIN || 4L * w.limit() < RowSums.PARALLEL_MIN_BYTES) {
            Kernels.addToColumns(w, nDst, pre, increments, nPre, posts, nPost, lo, hi);
            return;
        }
        this.w = w;
        this.nPre = nPre;
        this.nPost = nPost;
        try {
            threads.run(parts, part);
        } finally {
            this.w = null;
        }
    }

    /** The least number of pairs that are split over threads. */
    private static final int SPLIT_MIN = 512;

    /** The pairs whose destination lies in column range {@code p} of RowSums' split. */
    private void updateRange(int p, int parts) {
        int nDst = posts.length;
        int from = firstAtLeast(RowSums.rangeStart(nDst, p, parts));
        int to = firstAtLeast(RowSums.rangeStart(nDst, p + 1, parts));
        FloatBuffer wb = w;
        float c = increment;
        for (int a = 0; a < nPre; a++) {
            int base = pre[a] * nDst;
            for (int k = from; k < to; k++) {
                int e = base + posts[k];
                wb.put(e, Kernels.clamp(wb.get(e) + c, lo, hi));
            }
        }
    }

    /** The index of the first spiking destination {@code >= column} (posts are ascending). */
    private int firstAtLeast(int column) {
        int left = 0;
        int right = nPost;
        while (left < right) {
            int mid = (left + right) >>> 1;
            if (posts[mid] < column) {
                left = mid + 1;
            } else {
                right = mid;
            }
        }
        return left;
    }
}
