package org.conex.cli.run;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Views;
import org.conex.runtime.recording.ArrayBytes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scans every floating state variable of every object (arrays, sparse weight values, scalars) for
 * NaN or infinity. One pass reads each value once through a zero-copy view.
 */
public final class StateHealth {
    private StateHealth() {
    }

    /**
     * The first non-finite value, described with its object, variable, element and the behaviors of
     * that object (the candidates that wrote it), or null when everything is finite.
     */
    public static String firstNonFinite(Network net) {
        return firstNonFinite(net, true);
    }

    /**
     * As {@link #firstNonFinite(Network)}; {@code withCandidates} false leaves out the list of the
     * object's behaviors (when the caller knows which behavior wrote the value).
     */
    public static String firstNonFinite(Network net, boolean withCandidates) {
        for (NetworkObject o : net.allObjects()) {
            for (String name : o.variables()) {
                Object v = o.get(name);
                String bad = null;
                if (v instanceof INDArray) {
                    bad = scan((INDArray) v);
                } else if (v instanceof SparseWeights) {
                    bad = scan(((SparseWeights) v).values());
                } else if (v instanceof Double || v instanceof Float) {
                    double d = ((Number) v).doubleValue();
                    bad = Double.isFinite(d) ? null : "value " + d;
                }
                if (bad != null) {
                    String at = o.kind() + " '" + o.tag() + "', variable '" + name + "': " + bad;
                    return withCandidates ? at + "; behaviors of '" + o.tag() + "' (priority name): " + behaviors(o) : at;
                }
            }
        }
        return null;
    }

    private static String behaviors(NetworkObject o) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Double, Behavior<?>> e : o.behaviors().entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Behavior.formatPriority(e.getKey())).append(' ').append(e.getValue().name());
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String scan(INDArray a) {
        if (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE || a.length() == 0) {
            return null;
        }
        INDArray c = ArrayBytes.contiguous(a);
        if (c.dataType() == DataType.FLOAT) {
            FloatBuffer b = Views.floats(c);
            for (int i = 0, n = b.capacity(); i < n; i++) {
                float x = b.get(i);
                if (!Float.isFinite(x)) {
                    return "element " + i + " is " + x;
                }
            }
        } else {
            DoubleBuffer b = Views.doubles(c);
            for (int i = 0, n = b.capacity(); i < n; i++) {
                double x = b.get(i);
                if (!Double.isFinite(x)) {
                    return "element " + i + " is " + x;
                }
            }
        }
        return null;
    }
}
