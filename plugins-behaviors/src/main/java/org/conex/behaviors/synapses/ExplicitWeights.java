package org.conex.behaviors.synapses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conex.api.behavior.TensorValue;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts WeightInitializer's {@code weights} parameter into weights in the network dtype:
 * <ul>
 *   <li>a (nested) list of numbers, a {@link TensorValue} or an INDArray: dense weights of that
 *       shape (copied);</li>
 *   <li>the sparse object of golden/README.md section 4,
 *       {@code {"format": "sparse", "shape": [S, D], "src_idx": [...], "dst_idx": [...], "values": [...]}}:
 *       {@link SparseWeights} (entries in any order; duplicates are summed as the reference's COO
 *       coalesce does; stored in CSC order);</li>
 *   <li>a {@link SparseWeights}: used as given.</li>
 * </ul>
 * Problems are reported as text through {@link Invalid} so that the behavior can name itself.
 */
final class ExplicitWeights {
    private static final Set<String> SPARSE_KEYS = Set.of("format", "shape", "src_idx", "dst_idx", "values");

    /** A problem with the parameter's value; the message completes "parameter 'weights' ...". */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private ExplicitWeights() {
    }

    /** @return an INDArray (dense) or a SparseWeights */
    static Object parse(Object raw, DType dtype) {
        if (raw instanceof SparseWeights) {
            return raw;
        }
        if (raw instanceof INDArray) {
            INDArray a = (INDArray) raw;
            if (!a.dataType().isFPType()) {
                throw new Invalid("must be a floating tensor, found " + a.dataType());
            }
            return a.castTo(dtype.nd4j()).dup('c');
        }
        if (raw instanceof TensorValue) {
            return ((TensorValue) raw).toArray(dtype);
        }
        if (raw instanceof Map) {
            return sparse((Map<?, ?>) raw, dtype);
        }
        if (raw instanceof List) {
            List<Long> shape = new ArrayList<>();
            List<Double> data = new ArrayList<>();
            shapeOf(raw, shape);
            flatten(raw, 0, shape, data);
            double[] d = new double[data.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = data.get(i);
            }
            return Tensors.of(dtype, d, shape.stream().mapToLong(Long::longValue).toArray());
        }
        throw new Invalid("must be a list of numbers or a sparse object {\"format\": \"sparse\", \"shape\": [S, D], "
                + "\"src_idx\", \"dst_idx\", \"values\"}, found " + (raw == null ? "null" : raw.getClass().getSimpleName()));
    }

    private static SparseWeights sparse(Map<?, ?> m, DType dtype) {
        for (Object key : m.keySet()) {
            if (!SPARSE_KEYS.contains(String.valueOf(key))) {
                throw new Invalid("has unknown key '" + key + "' in its sparse object; expected " + SPARSE_KEYS);
            }
        }
        if (!"sparse".equals(m.get("format"))) {
            throw new Invalid("as an object must have \"format\": \"sparse\", found " + m.get("format"));
        }
        double[] shape = numbers(m, "shape");
        if (shape.length != 2 || shape[0] < 0 || shape[1] < 0 || shape[0] != Math.rint(shape[0])
                || shape[1] != Math.rint(shape[1])) {
            throw new Invalid("sparse \"shape\" must be [S, D] with whole sizes >= 0");
        }
        double[] r = numbers(m, "src_idx");
        double[] c = numbers(m, "dst_idx");
        double[] v = numbers(m, "values");
        if (r.length != c.length || r.length != v.length) {
            throw new Invalid("sparse \"src_idx\", \"dst_idx\" and \"values\" must have equal lengths, found "
                    + r.length + ", " + c.length + ", " + v.length);
        }
        long[] rl = new long[r.length];
        long[] cl = new long[c.length];
        for (int k = 0; k < r.length; k++) {
            if (r[k] != Math.rint(r[k]) || c[k] != Math.rint(c[k])) {
                throw new Invalid("sparse entry " + k + " has a non-integral index (" + r[k] + ", " + c[k] + ")");
            }
            rl[k] = (long) r[k];
            cl[k] = (long) c[k];
        }
        try {
            return SparseWeights.fromCoo((int) shape[0], (int) shape[1], rl, cl, v, dtype);
        } catch (IllegalArgumentException e) {
            throw new Invalid("is an invalid sparse object: " + e.getMessage());
        }
    }

    private static double[] numbers(Map<?, ?> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List)) {
            throw new Invalid("sparse object needs \"" + key + "\" as a list of numbers, found " + o);
        }
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            if (!(l.get(i) instanceof Number)) {
                throw new Invalid("sparse \"" + key + "\"[" + i + "] is not a number: " + l.get(i));
            }
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }

    private static void shapeOf(Object node, List<Long> shape) {
        Object cur = node;
        while (cur instanceof List) {
            List<?> l = (List<?>) cur;
            shape.add((long) l.size());
            if (l.isEmpty()) {
                return;
            }
            cur = l.get(0);
        }
    }

    private static void flatten(Object node, int depth, List<Long> shape, List<Double> out) {
        if (depth == shape.size()) {
            if (!(node instanceof Number)) {
                throw new Invalid("must be a rectangular list of numbers, found " + node);
            }
            out.add(((Number) node).doubleValue());
            return;
        }
        if (!(node instanceof List) || ((List<?>) node).size() != shape.get(depth)) {
            throw new Invalid("must be a rectangular list of numbers (length " + shape.get(depth) + " at depth "
                    + depth + ")");
        }
        for (Object o : (List<?>) node) {
            flatten(o, depth + 1, shape, out);
        }
    }
}
