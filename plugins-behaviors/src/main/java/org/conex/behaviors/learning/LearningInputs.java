package org.conex.behaviors.learning;

import java.nio.ByteBuffer;
import org.conex.api.ModelException;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zero-copy access to the four synapse variables every STDP-like rule reads:
 * {@code pre_spike} (bool[N_src], PreSpikeCatcher), {@code post_spike} (bool[N_dst],
 * PostSpikeCatcher), {@code pre_trace} (float[N_src], PreTrace) and {@code post_trace}
 * (float[N_dst], PostTrace). Views are cached and rebuilt (and re-validated) only when a variable
 * is replaced by another array, so a step allocates nothing.
 *
 * <p>Also collects the indices of the sources and destinations that spiked this step, which makes
 * the event-driven kernels possible.
 */
public final class LearningInputs {
    private final Behavior<?> rule;
    private SynapseGroup syn;
    private INDArray preSpikeArray;
    private INDArray postSpikeArray;
    private ByteBuffer preSpike;
    private ByteBuffer postSpike;
    private Vec preTrace;
    private Vec postTrace;
    private boolean[] postFlags = new boolean[0];
    private byte[] preBytes = new byte[0];
    private byte[] postBytes = new byte[0];
    private int[] preIdx = new int[0];
    private int[] postIdx = new int[0];
    private int preCount;
    private int postCount;

    /** @param rule the learning rule these inputs belong to (named in error messages) */
    public LearningInputs(Behavior<?> rule) {
        this.rule = rule;
    }

    /**
     * Initialize-time check: {@code pre_trace} and {@code post_trace} must exist (PreTrace and
     * PostTrace run before learning), and {@code pre_spike}/{@code post_spike} must exist or a
     * PreSpikeCatcher/PostSpikeCatcher must be attached (catchers initialise last).
     *
     * @throws ModelException naming the rule, the synapse and the missing variable and behavior
     */
    public void check(SynapseGroup s) {
        this.syn = s;
        need(s, "pre_trace", "PreTrace", false);
        need(s, "post_trace", "PostTrace", false);
        need(s, "pre_spike", "PreSpikeCatcher", true);
        need(s, "post_spike", "PostSpikeCatcher", true);
        preIdx = new int[s.src().size()];
        postIdx = new int[s.dst().size()];
        postFlags = new boolean[s.dst().size()];
    }

    private void need(SynapseGroup s, String var, String behavior, boolean catcherSuffices) {
        if (s.has(var) || catcherSuffices && s.behavior(behavior) != null) {
            return;
        }
        throw error(s, "needs the synapse variable '" + var + "' but it does not exist; add a " + behavior
                + " behavior to synapse '" + s.tag() + "'");
    }

    private ModelException error(SynapseGroup s, String msg) {
        return new ModelException(rule.name() + " on '" + s.tag() + "': " + msg);
    }

    /**
     * Refreshes the views for this step and collects the spiking sources and destinations.
     *
     * @throws ModelException if a variable is missing or has the wrong type or length
     */
    public void update(SynapseGroup s) {
        if (s != syn || preIdx.length != s.src().size() || postIdx.length != s.dst().size()) {
            check(s);
        }
        int nSrc = s.src().size();
        int nDst = s.dst().size();
        INDArray a = s.array("pre_spike");
        if (a != preSpikeArray) {
            preSpike = bools(s, "pre_spike", a, nSrc);
            preSpikeArray = a;
        }
        INDArray b = s.array("post_spike");
        if (b != postSpikeArray) {
            postSpike = bools(s, "post_spike", b, nDst);
            postSpikeArray = b;
        }
        Vec x = s.vec("pre_trace");
        if (x != preTrace) {
            checkLength(s, "pre_trace", x.length(), nSrc);
            preTrace = x;
        }
        Vec y = s.vec("post_trace");
        if (y != postTrace) {
            checkLength(s, "post_trace", y.length(), nDst);
            postTrace = y;
        }
        if (preBytes.length != nSrc) {
            preBytes = new byte[nSrc];
        }
        preSpike.get(0, preBytes, 0, nSrc);
        preCount = Kernels.spikeIndices(preBytes, nSrc, preIdx);
        if (postBytes.length != nDst) {
            postBytes = new byte[nDst];
        }
        postSpike.get(0, postBytes, 0, nDst);
        postCount = Kernels.spikeIndices(postBytes, nDst, postIdx);
        boolean[] flags = postFlags;
        java.util.Arrays.fill(flags, 0, nDst, false);
        for (int k = 0; k < postCount; k++) {
            flags[postIdx[k]] = true;
        }
    }

    private ByteBuffer bools(SynapseGroup s, String var, INDArray a, int n) {
        if (a.dataType() != DataType.BOOL) {
            throw error(s, "'" + var + "' must be a bool vector, found " + a.dataType());
        }
        checkLength(s, var, a.length(), n);
        return Views.bools(a);
    }

    private void checkLength(SynapseGroup s, String var, long found, int n) {
        if (found != n) {
            throw error(s, "'" + var + "' has " + found + " elements, expected " + n);
        }
    }

    /** Whether source i spiked (pre_spike). */
    public boolean preSpike(int i) {
        return preSpike.get(i) != 0;
    }

    /** Whether destination j spiked (post_spike). */
    public boolean postSpike(int j) {
        return postSpike.get(j) != 0;
    }

    /**
     * The post spikes of this step as a plain array (index j: destination j spiked), for dense hot
     * loops; owned by this object, valid until the next {@link #update}, not to be modified.
     */
    public boolean[] postFlags() {
        return postFlags;
    }

    /** View of pre_trace (float[N_src]). */
    public Vec preTrace() {
        return preTrace;
    }

    /** View of post_trace (float[N_dst]). */
    public Vec postTrace() {
        return postTrace;
    }

    /** Number of sources that spiked this step. */
    public int preCount() {
        return preCount;
    }

    /** Number of destinations that spiked this step. */
    public int postCount() {
        return postCount;
    }

    /** Index of the k-th spiking source (ascending), {@code k < preCount()}. */
    public int preIndex(int k) {
        return preIdx[k];
    }

    /**
     * The spiking sources (ascending) in the first {@link #preCount()} entries, for hot loops;
     * owned by this object, valid until the next {@link #update}, not to be modified.
     */
    public int[] preIndices() {
        return preIdx;
    }

    /**
     * The spiking destinations (ascending) in the first {@link #postCount()} entries, for hot
     * loops; owned by this object, valid until the next {@link #update}, not to be modified.
     */
    public int[] postIndices() {
        return postIdx;
    }

    /** Index of the k-th spiking destination (ascending), {@code k < postCount()}. */
    public int postIndex(int k) {
        return postIdx[k];
    }
}
