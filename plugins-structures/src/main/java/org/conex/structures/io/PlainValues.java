package org.conex.structures.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.TensorValue;

/**
 * Normalises parameter values for saving: integral boxed numbers become {@code Long}, other
 * numbers {@code Double}, arrays and {@link TensorValue}s nested lists (C order), maps and lists
 * are normalised recursively. Anything else (live objects, tensors of the network, NaN) cannot be
 * written to a document and is an error naming where it was found.
 */
public final class PlainValues {
    private PlainValues() {
    }

    /**
     * The normalised form of {@code v}.
     *
     * @param where location for messages, e.g. {@code "LIF on 'L4.exc' parameter 'tau'"}
     * @throws DocumentException if {@code v} holds something that cannot be saved
     */
    public static Object normalize(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new DocumentException(where + ": " + d + " cannot be saved (JSON has no NaN or infinity)");
            }
            return d;
        }
        if (v instanceof TensorValue) {
            TensorValue t = (TensorValue) v;
            return nest(t.data(), t.shape(), 0, new int[] {0});
        }
        if (v instanceof double[]) {
            double[] a = (double[]) v;
            List<Object> l = new ArrayList<>();
            for (double d : a) {
                l.add(normalize(d, where));
            }
            return l;
        }
        if (v instanceof float[]) {
            float[] a = (float[]) v;
            List<Object> l = new ArrayList<>();
            for (float d : a) {
                l.add(normalize((double) d, where));
            }
            return l;
        }
        if (v instanceof int[]) {
            List<Object> l = new ArrayList<>();
            for (int d : (int[]) v) {
                l.add((long) d);
            }
            return l;
        }
        if (v instanceof long[]) {
            List<Object> l = new ArrayList<>();
            for (long d : (long[]) v) {
                l.add(d);
            }
            return l;
        }
        if (v instanceof boolean[]) {
            List<Object> l = new ArrayList<>();
            for (boolean d : (boolean[]) v) {
                l.add(d);
            }
            return l;
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            int i = 0;
            for (Object o : (List<?>) v) {
                l.add(normalize(o, where + "[" + i++ + "]"));
            }
            return l;
        }
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new DocumentException(where + ": map keys must be texts to be saved, found "
                            + e.getKey());
                }
                m.put((String) e.getKey(), normalize(e.getValue(), where + "." + e.getKey()));
            }
            return m;
        }
        throw new DocumentException(where + " holds a " + v.getClass().getSimpleName() + ", which cannot be saved;"
                + " documents hold numbers, texts, booleans, lists and objects only (give run-time objects such as"
                + " data through bindings)");
    }

    private static Object nest(double[] data, long[] shape, int axis, int[] pos) {
        if (axis == shape.length) {
            return data[pos[0]++];
        }
        List<Object> l = new ArrayList<>();
        for (long k = 0; k < shape[axis]; k++) {
            l.add(nest(data, shape, axis + 1, pos));
        }
        return l;
    }
}
