package org.conex.behaviors.synapses;

import java.nio.LongBuffer;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.TensorValue;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.TensorSpec;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sets per-neuron delays, in steps, of one side of a synapse (priority 4, after SynapseInit; no
 * forward). {@code destination = false} writes {@code src_delay} (long[N_src], axonal delay read
 * by PreSpikeCatcher); {@code true} writes {@code dst_delay} (long[N_dst], dendritic delay read by
 * SimpleDendriteStructure and PostSpikeCatcher).
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code delays}: explicit delays, one per neuron of the target group, used as given (no
 *       scale, no offset).</li>
 *   <li>{@code mode}: otherwise, a tensor mode (a number, "ones", "random", "normal(m, s)", ...);
 *       {@code delays = mode * scale + offset} in the network dtype.</li>
 *   <li>{@code scale} (default 1), {@code offset} (default 0), {@code destination} (default false).</li>
 * </ul>
 * Delays are truncated toward zero to long (2.7 becomes 2) and must be &gt;= 0. Their upper bound
 * (the axon's max_delay) is checked by the spike catchers at initialization.
 *
 * <p>Fixed reference bug (BUG-8): with neither {@code mode} nor {@code delays} the reference
 * crashes on a null cast; here the delays stay as they are (the zeros SynapseInit made, or zeros
 * written now if there are none) and a warning is recorded on the network.
 */
public final class DelayInitializer extends Behavior<SynapseGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("DelayInitializer", DelayInitializer::new)
            .priority(4).target(Target.SYNAPSE_GROUP)
            .params(ParamSpec.of("mode", ParamKind.MODE).doc("tensor mode of the delays (steps)"),
                    ParamSpec.of("scale", ParamKind.NUMBER).withDefault(1.0).doc("multiplies mode values"),
                    ParamSpec.of("offset", ParamKind.NUMBER).withDefault(0.0).unit("steps")
                            .doc("added after scaling"),
                    ParamSpec.of("destination", ParamKind.BOOLEAN).withDefault(false)
                            .doc("false: src_delay of the source group; true: dst_delay of the destination"),
                    ParamSpec.of("delays", ParamKind.TENSOR).unit("steps").doc("explicit delays, one per neuron"))
            .description("per-neuron axonal (src) or dendritic (dst) delays in steps")
            .build();

    public DelayInitializer(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        boolean destination = params().bool("destination");
        NeuronGroup group = destination ? synapse.dst() : synapse.src();
        String variable = destination ? "dst_delay" : "src_delay";
        int n = group.size();
        DType dtype = synapse.network().dtype();
        double[] values;
        TensorValue explicit = params().tensor("delays");
        Object mode = params().get("mode");
        if (explicit != null) {
            if (explicit.length() != n) {
                throw error("parameter 'delays' has " + explicit.length() + " values, expected " + n
                        + " (one per neuron of " + (destination ? "destination" : "source") + " '" + group.tag() + "')");
            }
            values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = dtype.round(explicit.get(i));
            }
        } else if (mode != null) {
            values = fromMode(mode, n, dtype);
        } else {
            warn("neither 'mode' nor 'delays' is given, so " + variable + " keeps its delays (0 unless set before);"
                    + " give 'mode' (e.g. \"random\" with 'scale') or explicit 'delays' to set them");
            if (!synapse.has(variable)) {
                synapse.put(variable, Tensors.zeros(DataType.LONG, n));
            }
            return;
        }
        INDArray out = Tensors.zeros(DataType.LONG, n);
        LongBuffer buf = Views.longs(out);
        for (int i = 0; i < n; i++) {
            double d = values[i];
            if (!Double.isFinite(d) || d <= -1 || d >= Integer.MAX_VALUE) {
                throw error(variable + "[" + i + "] = " + d + " is not a valid delay: delays are whole steps >= 0");
            }
            buf.put(i, (long) d);
        }
        synapse.put(variable, out);
    }

    private double[] fromMode(Object mode, int n, DType dtype) {
        TensorSpec spec;
        try {
            spec = mode instanceof Number ? TensorSpec.constant(((Number) mode).doubleValue())
                    : TensorSpec.parse((String) mode);
        } catch (ConexException e) {
            throw error("parameter 'mode': " + e.getMessage());
        }
        double scale = dtype.round(params().number("scale"));
        double offset = dtype.round(params().number("offset"));
        double[] v = spec.fill(n, random(), null, null, dtype);
        for (int i = 0; i < n; i++) {
            v[i] = dtype.round(dtype.round(v[i] * scale) + offset);
        }
        return v;
    }
}
