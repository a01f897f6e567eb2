package org.conex.behaviors.synapses;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.Params;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Common part of {@link PreSpikeCatcher} and {@link PostSpikeCatcher}: copies delayed spikes out of
 * a neuron group's spike history into a synapse variable,
 * {@code out[i] = group.axon.spiked(delay[i], i)}, where delay d means "d steps ago" (0 = this
 * step; the axon pushed this step's spikes at 380, before the catchers at 420/440).
 *
 * <p>Initialized last (second pass), so the groups' NeuronAxon already exists. Initialization
 * checks that the group has an {@link AxonHistory} under {@code "axon"}, that the synapse has the
 * delay vector (SynapseInit) and that every delay is below the axon's max_delay, and fills the
 * output (all false at start). Forward re-reads the delay vector (it may be overwritten after
 * initialization) and rejects a delay beyond the history with an error naming the neuron. When
 * every delay is the same (the common case, e.g. all 0) the history row is copied in bulk.
 */
abstract class SpikeCatcher extends Behavior<SynapseGroup> {
    private AxonHistory axon;
    private INDArray delayArray;
    private LongBuffer delays;
    private long[] delayCopy = new long[0];
    private INDArray outArray;
    private ByteBuffer out;

    SpikeCatcher(Params params) {
        super(params);
    }

    /** The group whose history is read. */
    abstract NeuronGroup group(SynapseGroup synapse);

    /** "src_delay" or "dst_delay". */
    abstract String delayVariable();

    /** "pre_spike" or "post_spike". */
    abstract String outputVariable();

    @Override
    public final void initialize(SynapseGroup synapse) {
        NeuronGroup g = group(synapse);
        if (!(g.get("axon") instanceof AxonHistory)) {
            throw error("reads the spike history of '" + g.tag() + "', which has no NeuronAxon (no 'axon' variable); "
                    + "add a NeuronAxon behavior to '" + g.tag() + "'");
        }
        axon = (AxonHistory) g.get("axon");
        if (axon.size() != g.size()) {
            throw error("the axon of '" + g.tag() + "' holds " + axon.size() + " neurons, the group has " + g.size());
        }
        if (!synapse.has(delayVariable())) {
            throw error("needs '" + delayVariable() + "' on the synapse: add SynapseInit (priority 2)");
        }
        bindDelays(synapse);
        for (int i = 0; i < delays.capacity(); i++) {
            checkDelay(i, delays.get(i));
        }
        synapse.put(outputVariable(), Tensors.zeros(DataType.BOOL, g.size()));
        outArray = null;
        forward(synapse);
    }

    @Override
    public final void forward(SynapseGroup synapse) {
        bindDelays(synapse);
        INDArray o = synapse.array(outputVariable());
        if (o != outArray) {
            out = Views.bools(o);
            outArray = o;
        }
        int max = axon.maxDelay();
        int n = delays.capacity();
        long first = n == 0 ? 0 : delays.get(0);
        if (uniform(n, first) && first >= 0 && first < max) {
            axon.copySpikes((int) first, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            long d = delays.get(i);
            if (d < 0 || d >= max) {
                checkDelay(i, d);
            }
            out.put(i, axon.spiked((int) d, i) ? (byte) 1 : 0);
        }
    }

    /** Whether every delay equals {@code first}. */
    private boolean uniform(int n, long first) {
        if (delayCopy.length != n) {
            delayCopy = new long[n];
        }
        return Kernels.allEqual(delays, n, first, delayCopy);
    }

    private void bindDelays(SynapseGroup synapse) {
        INDArray a = synapse.array(delayVariable());
        if (a == delayArray) {
            return;
        }
        int n = group(synapse).size();
        if (a.dataType() != DataType.LONG || a.length() != n) {
            throw error("'" + delayVariable() + "' must be long[" + n + "], found " + a.dataType() + "[" + a.length()
                    + "]");
        }
        delays = Views.longs(a);
        delayArray = a;
    }

    private void checkDelay(int i, long d) {
        int max = axon.maxDelay();
        if (d < 0 || d >= max) {
            NeuronGroup g = group(owner());
            throw error(delayVariable() + "[" + i + "] = " + d + " is beyond the spike history of "
                    + ("pre_spike".equals(outputVariable()) ? "source" : "destination") + " group '" + g.tag()
                    + "': its NeuronAxon keeps max_delay = " + max + " steps, so delays must be in 0.." + (max - 1)
                    + " (raise the NeuronAxon's max_delay or lower the delay)");
        }
    }
}
