package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Base of every dendritic input (CoNeX {@code BaseDendriticInput}, priority 180): turns the
 * presynaptic spikes caught at 420 of the previous step ({@code synapse.pre_spike}, bool[N_src])
 * into the synaptic current {@code synapse.I} (float[N_dst]) that SimpleDendriteStructure (220)
 * delivers to the destination group:
 *
 * <pre>  I = current_coef * current_type * calculate_input(pre_spike)</pre>
 *
 * <p>{@code current_type} is -1 when the source group carries the tag "inh" or "GABA"
 * ({@link SynapseGroup#isInhibitorySource()}), +1 otherwise; subclasses may override
 * {@link #currentType(SynapseGroup)} (LateralDendriticInput's {@code inhibitory}). As in the
 * reference, {@code current_coef * current_type} is a double that is rounded to the network dtype
 * once, and each element of {@code I} is that factor times the float result of
 * {@code calculate_input}, rounded.
 *
 * <p>Parameter: {@code current_coef} (number, default 1; unitless scale of the current).
 *
 * <p><b>Contract for subclasses.</b>
 * <ul>
 *   <li>{@link #initializeInput(SynapseGroup)} runs inside {@link #initialize} after the owner got
 *       the behavior's name as a tag, {@link #currentType()} was resolved and {@code synapse.I}
 *       was allocated as zeros(N_dst). Validate weights, shapes and parameters there and throw
 *       {@link #error(String)} naming the parameter, what was expected and what was found.
 *       Precompute everything a step needs; forward must not allocate.</li>
 *   <li>{@link #calculateInput(SynapseGroup, ByteBuffer, Vec)} is called every step with the
 *       presynaptic spikes (one byte per source neuron, 0 = silent) and the view of
 *       {@code synapse.I}. It must <b>overwrite every element</b> of {@code out} with the raw
 *       input (before coefficient and sign), rounding each intermediate with
 *       {@code out.round(..)} to keep float32 semantics. It should touch only the weights of
 *       spiking sources where the connectivity allows (event-driven).</li>
 *   <li>The base then multiplies {@code out} by the factor in place (skipped when it is 1).
 *       A float32 subclass that computed the raw input in a heap array may instead hand it to
 *       {@link #putScaled(FloatBuffer, float[], int)}, which writes the scaled values in one bulk
 *       copy (the same values), and the base does not scale again in that step.</li>
 * </ul>
 * {@code synapse.I} is allocated once and written in place; its kernel view stays valid across
 * steps (CurrentNormalization at 200 rescales the same array).
 */
public abstract class DendriticInput extends Behavior<SynapseGroup> {
    /** Default priority of every dendritic input. */
    public static final int PRIORITY = 180;

    /** The {@code current_coef} declaration shared by every subclass's type. */
    public static final ParamSpec CURRENT_COEF = ParamSpec.of("current_coef", ParamKind.NUMBER).withDefault(1.0)
            .doc("scale of the synaptic current (unitless)");

    private int currentType = 1;
    private double factor = 1;
    private INDArray preArray;
    private ByteBuffer preView;
    /** Work array for the float32 scaling (a loop over a heap array is vectorised). */
    private float[] scaled = new float[0];
    /** Set by {@link #putScaled} during this step's {@link #calculateInput}: already scaled. */
    private boolean scaledByInput;

    protected DendriticInput(Params params) {
        super(params);
    }

    @Override
    public final void initialize(SynapseGroup synapse) {
        synapse.addTag(name());
        currentType = currentType(synapse);
        double coef = params().number("current_coef", 1.0);
        if (!Double.isFinite(coef)) {
            throw error("parameter 'current_coef' must be a finite number, found " + coef);
        }
        synapse.put("I", Tensors.zeros(synapse.network().dtype().nd4j(), synapse.dst().size()));
        factor = synapse.network().dtype().round(coef * currentType);
        preArray = null;
        preView = null;
        initializeInput(synapse);
    }

    /**
     * The sign of the current: -1 if the source group is tagged "inh" or "GABA", else +1.
     * Called once at initialization.
     */
    protected int currentType(SynapseGroup synapse) {
        return synapse.isInhibitorySource() ? -1 : 1;
    }

    /** The resolved sign (+1 or -1), valid after initialization. */
    public final int currentType() {
        return currentType;
    }

    /** {@code current_coef * current_type} rounded to the network dtype, valid after initialization. */
    protected final double factor() {
        return factor;
    }

    /** Subclass setup and validation; see the class contract. */
    protected abstract void initializeInput(SynapseGroup synapse);

    /**
     * Writes the raw input (before coefficient and sign) into every element of {@code out}.
     *
     * @param synapse  the owner
     * @param preSpike presynaptic spikes, one byte per source neuron (0 = silent), absolute indexing
     * @param out      view of {@code synapse.I} (length N_dst)
     */
    protected abstract void calculateInput(SynapseGroup synapse, ByteBuffer preSpike, Vec out);

    @Override
    public final void forward(SynapseGroup synapse) {
        Vec out = synapse.vec("I");
        scaledByInput = false;
        calculateInput(synapse, preSpikes(synapse), out);
        if (factor == 1 || scaledByInput) {
            return;
        }
        if (out instanceof Vec.F32) {
            FloatBuffer b = ((Vec.F32) out).buffer();
            int n = b.capacity();
            if (scaled.length != n) {
                scaled = new float[n];
            }
            b.get(0, scaled, 0, n);
            float f = (float) factor;
            for (int j = 0; j < n; j++) {
                scaled[j] = f * scaled[j];
            }
            b.put(0, scaled, 0, n);
            return;
        }
        for (int j = 0, n = out.length(); j < n; j++) {
            out.set(j, factor * out.get(j));
        }
    }

    /**
     * For a float32 {@link #calculateInput} that computed the raw input in a heap array: writes
     * {@code factor * raw[j]} to {@code out[0 .. n)} in one bulk copy, the same float32 values as
     * writing {@code raw} and letting {@link #forward} scale them (one rounding either way), without
     * reading the current back; {@code forward} then does not scale again. Overwrites {@code raw}
     * with the scaled values.
     *
     * @param out the current's buffer (float32, length at least {@code n})
     * @param raw the raw input, first {@code n} used
     */
    protected final void putScaled(FloatBuffer out, float[] raw, int n) {
        if (factor != 1) {
            float f = (float) factor;
            for (int j = 0; j < n; j++) {
                raw[j] = f * raw[j];
            }
        }
        out.put(0, raw, 0, n);
        scaledByInput = true;
    }

    /** "none", "dense [3, 2]" or the class name: how found weights read in error messages. */
    protected static String describeWeights(Object weights) {
        if (weights == null) {
            return "none";
        }
        if (weights instanceof INDArray) {
            return "dense " + java.util.Arrays.toString(((INDArray) weights).shape());
        }
        return weights.getClass().getSimpleName();
    }

    /**
     * The zero-copy view of {@code synapse.pre_spike} (bool[N_src]), cached while the array is
     * unchanged.
     */
    protected final ByteBuffer preSpikes(SynapseGroup synapse) {
        if (!synapse.has("pre_spike")) {
            throw error("needs 'pre_spike' (bool[" + synapse.src().size() + "]) on the synapse: add a "
                    + "PreSpikeCatcher (and a NeuronAxon on '" + synapse.src().tag() + "')");
        }
        INDArray a = synapse.array("pre_spike");
        if (a != preArray) {
            if (a.dataType() != DataType.BOOL || a.length() != synapse.src().size()) {
                throw error("'pre_spike' must be bool[" + synapse.src().size() + "], found " + a.dataType() + "["
                        + a.length() + "]");
            }
            preView = Views.bools(a);
            preArray = a;
        }
        return preView;
    }
}
