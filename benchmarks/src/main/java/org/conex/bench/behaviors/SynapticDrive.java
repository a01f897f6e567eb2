package org.conex.bench.behaviors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.conex.api.ModelException;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.RowSums;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The synaptic drive of a neuron group in the paper's networks: for every afferent synapse group
 * carrying a tag, the sum of the dense float32 weight rows {@code W[i, :]} ({@code [N_src, N_dst]})
 * of the sources whose {@code spikes} are set, i.e. {@code spikesᵀ·W}, computed event-driven with
 * {@link RowSums}. Views, index buffers and the synapse list are cached and rebuilt only when
 * the network's structure or an array changes, so a step allocates nothing.
 */
final class SynapticDrive {
    private final String tag;
    private long version = -1;
    private SynapseGroup[] synapses = new SynapseGroup[0];
    private INDArray[] spikeArrays = new INDArray[0];
    private ByteBuffer[] spikeViews = new ByteBuffer[0];
    private int[] active = new int[0];
    private float[] sum = new float[0];
    private RowSums rowSums = new RowSums(0);
    private float[] current = new float[0];

    /** @param tag the tag selecting the afferent synapse groups (e.g. "GLU") */
    SynapticDrive(String tag) {
        this.tag = tag;
    }

    /**
     * Adds the drive of this step to {@code target} (float[N] of the group).
     *
     * @throws ModelException if a synapse has no dense float32 {@code [N_src, N_dst]} weights or its
     *         source has no bool {@code spikes}
     */
    void addTo(NeuronGroup g, FloatBuffer target) {
        bind(g);
        int n = g.size();
        for (int s = 0; s < synapses.length; s++) {
            SynapseGroup syn = synapses[s];
            Vec w = syn.vec("weights");
            if (!(w instanceof Vec.F32) || w.length() != syn.src().size() * n) {
                throw new ModelException("'" + syn.tag() + "': needs dense float32 weights [" + syn.src().size() + ", "
                        + n + "]");
            }
            int count = Kernels.spikeIndices(spikes(s), syn.src().size(), active);
            if (count == 0) {
                continue;
            }
            rowSums.sum(((Vec.F32) w).buffer(), active, count, sum, g.network().kernelThreads());
            target.get(0, current, 0, n);
            for (int j = 0; j < n; j++) {
                current[j] += sum[j];
            }
            target.put(0, current, 0, n);
        }
    }

    private void bind(NeuronGroup g) {
        long v = g.network().structureVersion();
        if (v == version) {
            return;
        }
        List<SynapseGroup> found = g.afferent(tag);
        synapses = found.toArray(new SynapseGroup[0]);
        spikeArrays = new INDArray[synapses.length];
        spikeViews = new ByteBuffer[synapses.length];
        int maxSrc = 0;
        for (SynapseGroup s : synapses) {
            maxSrc = Math.max(maxSrc, s.src().size());
        }
        active = new int[maxSrc];
        sum = new float[g.size()];
        rowSums = new RowSums(g.size());
        current = new float[g.size()];
        version = v;
    }

    private ByteBuffer spikes(int s) {
        NeuronGroup src = synapses[s].src();
        INDArray a = src.array("spikes");
        if (a != spikeArrays[s]) {
            if (a.dataType() != DataType.BOOL || a.length() != src.size()) {
                throw new ModelException("'" + src.tag() + "'.'spikes' must be bool[" + src.size() + "], found "
                        + a.dataType() + "[" + a.length() + "]");
            }
            spikeViews[s] = Views.bools(a);
            spikeArrays[s] = a;
        }
        return spikeViews[s];
    }
}
