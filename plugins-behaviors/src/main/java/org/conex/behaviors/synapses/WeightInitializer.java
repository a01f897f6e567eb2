package org.conex.behaviors.synapses;

import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.TensorSpec;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Creates {@code synapse.weights} (priority 3, no forward).
 *
 * <p>Parameters (spec behaviors.md 4.3; at least one of {@code mode} and {@code weights}):
 * <ul>
 *   <li>{@code mode}: a number c (every weight c), "zeros", "ones", "random"/"rand"/"uniform"
 *       (U[0,1)), "normal(m, s)" (Gaussian, s = standard deviation) or another
 *       {@link TensorSpec} mode.</li>
 *   <li>{@code scale} (default 1), {@code offset} (default 0): {@code w = w*scale + offset}, in the
 *       network dtype. On the sparse path the offset goes to stored entries only.</li>
 *   <li>{@code density} (default 1, in [0, 1]) and {@code true_sparsity} (default true): with
 *       density &lt; 1 and true_sparsity, a {@link SparseWeights} of exactly
 *       {@code floor(N_src*N_dst*density)} entries at distinct uniform positions, drawn in O(nnz)
 *       memory (a 100000 x 100000 synapse at density 0.001 never allocates a dense matrix); with
 *       true_sparsity false, a dense tensor whose entries are kept where {@code U[0,1) <= density}
 *       and zeroed elsewhere (before scale and offset).</li>
 *   <li>{@code weight_shape}: the dense shape; default {@code kernel_shape}'s weight shape if given,
 *       else {@code [N_src, N_dst]}.</li>
 *   <li>{@code kernel_shape}: stored as {@code synapse.kernel_shape} (int[]): 4 entries
 *       {@code [out, in, kh, kw]} (conv; the weight shape itself) or 6 entries
 *       {@code [out_ch, out_h, out_w, in_ch, kh, kw]} (local; weights
 *       {@code [out_ch, out_h*out_w, in_ch*kh*kw]}).</li>
 *   <li>{@code weights}: explicit weights, used verbatim (scale, offset and density are ignored,
 *       as in the reference, ODD-7): a nested list (dense) or the sparse object
 *       {@code {"format": "sparse", "shape": [S, D], "src_idx", "dst_idx", "values"}}.</li>
 * </ul>
 * The shape must fit the groups (see {@link WeightShapes}); a mismatch is an error at
 * initialization. Every sparse synapse also gets {@code src_idx}/{@code dst_idx} ({@link SparseIndex}).
 * Random draws come from this behavior's own seeded streams (values, density mask and sparse positions
 * separately, so the values of a seed do not change with the density). The reference's {@code function}
 * (a Python callable) is not supported.
 */
public final class WeightInitializer extends Behavior<SynapseGroup> {
    public static final BehaviorType TYPE = BehaviorType.builder("WeightInitializer", WeightInitializer::new)
            .priority(3).target(Target.SYNAPSE_GROUP)
            .params(ParamSpec.of("mode", ParamKind.MODE).doc("tensor mode of the weights"),
                    ParamSpec.of("scale", ParamKind.NUMBER).withDefault(1.0).doc("multiplies drawn weights"),
                    ParamSpec.of("offset", ParamKind.NUMBER).withDefault(0.0).doc("added after scaling"),
                    ParamSpec.of("density", ParamKind.NUMBER).withDefault(1.0).atLeast(0)
                            .doc("fraction of non-zero weights, in [0, 1]"),
                    ParamSpec.of("true_sparsity", ParamKind.BOOLEAN).withDefault(true)
                            .doc("density < 1 builds sparse (CSC) weights instead of a masked dense tensor"),
                    ParamSpec.of("weight_shape", ParamKind.INTS).doc("dense weight shape"),
                    ParamSpec.of("kernel_shape", ParamKind.INTS)
                            .doc("[out, in, kh, kw] (conv) or [out_ch, out_h, out_w, in_ch, kh, kw] (local)"),
                    ParamSpec.of("weights", ParamKind.ANY).doc("explicit dense or sparse weights, used verbatim"))
            .description("creates synapse.weights: constant, random, masked, truly sparse or explicit")
            .build();

    /** Values drawn per pass when filling large weights. */
    private static final int CHUNK = 1 << 16;

    public WeightInitializer(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup synapse) {
        DType dtype = synapse.network().dtype();
        int[] kernel = params().ints("kernel_shape");
        int[] weightShape = params().ints("weight_shape");
        checkShapes(kernel, weightShape);
        double density = params().number("density");
        if (density > 1) {
            throw error("parameter 'density' must be in [0, 1], found " + density);
        }
        Object weights;
        Object explicit = params().get("weights");
        if (explicit != null) {
            try {
                weights = ExplicitWeights.parse(explicit, dtype);
            } catch (ExplicitWeights.Invalid e) {
                throw error("parameter 'weights' " + e.getMessage());
            }
        } else if (params().get("mode") != null) {
            TensorSpec spec = spec();
            if (density < 1 && params().bool("true_sparsity")) {
                weights = sparse(synapse, spec, density, weightShape, dtype);
            } else {
                weights = dense(spec, shape(synapse, kernel, weightShape), density, dtype);
            }
        } else {
            throw error("needs 'mode' (e.g. \"random\", \"normal(0.5, 0.1)\" or a number) or explicit 'weights'; "
                    + "neither was given");
        }
        checkFit(synapse, weights, kernel, weightShape);
        if (kernel != null) {
            synapse.put("kernel_shape", kernel);
        }
        synapse.put("weights", weights);
        SparseIndex.complete(synapse);
    }

    private void checkShapes(int[] kernel, int[] weightShape) {
        String problem = kernel == null ? null : WeightShapes.kernelProblem(kernel);
        if (problem == null && weightShape != null) {
            problem = WeightShapes.entriesProblem("weight_shape", weightShape);
        }
        if (problem == null && kernel != null && weightShape != null
                && !Arrays.equals(WeightShapes.fromKernel(kernel), toLong(weightShape))) {
            problem = "parameter 'weight_shape' " + Arrays.toString(weightShape) + " does not match 'kernel_shape' "
                    + Arrays.toString(kernel) + ", which gives weights " + Arrays.toString(WeightShapes.fromKernel(kernel));
        }
        if (problem != null) {
            throw error(problem);
        }
    }

    private TensorSpec spec() {
        Object mode = params().get("mode");
        try {
            return mode instanceof Number ? TensorSpec.constant(((Number) mode).doubleValue())
                    : TensorSpec.parse((String) mode);
        } catch (ConexException e) {
            throw error("parameter 'mode': " + e.getMessage());
        }
    }

    private static long[] shape(SynapseGroup s, int[] kernel, int[] weightShape) {
        if (weightShape != null) {
            return toLong(weightShape);
        }
        return kernel != null ? WeightShapes.fromKernel(kernel) : s.matrixShape();
    }

    /**
     * Dense weights drawn in chunks of {@value #CHUNK} straight into the new array (the same draws,
     * in the same order, as one big draw), so building never holds a second, double-precision copy
     * of a large matrix.
     */
    private INDArray dense(TensorSpec spec, long[] shape, double density, DType dtype) {
        long count = WeightShapes.count(shape);
        if (count > Integer.MAX_VALUE - 8) {
            throw error("dense weights of shape " + Arrays.toString(shape) + " would have " + count
                    + " elements; use density < 1 with true_sparsity for sparse weights");
        }
        int n = (int) count;
        INDArray weights = Tensors.zeros(dtype.nd4j(), shape);
        Vec out = Vec.of(weights);
        RandomStream values = stream("values");
        RandomStream mask = density < 1 ? stream("mask") : null;
        double scale = dtype.round(params().number("scale"));
        double offset = dtype.round(params().number("offset"));
        double[] v = new double[Math.min(CHUNK, n)];
        for (int start = 0; start < n; start += v.length) {
            int len = Math.min(v.length, n - start);
            if (len < v.length) {
                v = new double[len];
            }
            spec.sample(v, values);
            for (int i = 0; i < len; i++) {
                double w = dtype.round(v[i]);
                if (mask != null && !(mask.nextDouble() <= density)) {
                    w = 0;
                }
                out.set(start + i, dtype.round(dtype.round(w * scale) + offset));
            }
        }
        return weights;
    }

    /**
     * Truly sparse weights: {@code floor(S*D*density)} distinct positions, numbered column-major
     * ({@code col*S + row}) so that the sorted positions are already in CSC order.
     */
    private SparseWeights sparse(SynapseGroup s, TensorSpec spec, double density, int[] weightShape, DType dtype) {
        if (s.network().synapseMode() != SynapseMode.SxD) {
            throw error("sparse weights (density < 1 with true_sparsity) need an SxD network");
        }
        int rows = s.src().size();
        int cols = s.dst().size();
        if (weightShape != null && !Arrays.equals(toLong(weightShape), new long[] {rows, cols})) {
            throw error("parameter 'weight_shape' " + Arrays.toString(weightShape) + " does not fit sparse weights, "
                    + "which are always [N_src, N_dst] = [" + rows + ", " + cols + "]");
        }
        long total = (long) rows * cols;
        double wanted = Math.floor(total * density);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw error("density " + density + " of a " + rows + "x" + cols + " synapse gives " + (long) wanted
                    + " entries, more than a sparse matrix can hold (" + (Integer.MAX_VALUE - 8) + ")");
        }
        long[] positions = SparseSampler.sample(total, (int) wanted, stream("positions"));
        int nnz = positions.length;
        int[] rowIdx = new int[nnz];
        int[] colIdx = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            rowIdx[k] = (int) (positions[k] % rows);
            colIdx[k] = (int) (positions[k] / rows);
        }
        positions = null;
        INDArray values = Tensors.zeros(dtype.nd4j(), nnz);
        Vec v = Vec.of(values);
        double scale = dtype.round(params().number("scale"));
        double offset = dtype.round(params().number("offset"));
        RandomStream rng = stream("values");
        for (int start = 0; start < nnz; start += CHUNK) {
            double[] drawn = spec.sample(Math.min(CHUNK, nnz - start), rng);
            for (int i = 0; i < drawn.length; i++) {
                double w = dtype.round(drawn[i]);
                v.set(start + i, dtype.round(dtype.round(w * scale) + offset));
            }
        }
        return SparseWeights.fromCsc(rows, cols, rowIdx, colIdx, values);
    }

    /**
     * A named sub-stream of this behavior's seed ({@code <synapse>/<priority>/WeightInitializer/<purpose>}).
     * Values, mask and positions use separate streams, so the drawn values of the same seed do not
     * depend on the density or on the sparse layout.
     */
    private RandomStream stream(String purpose) {
        return owner().network().random().stream(owner().tag() + "/" + formatPriority(priority()) + "/" + name()
                + "/" + purpose);
    }

    private void checkFit(SynapseGroup s, Object weights, int[] kernel, int[] weightShape) {
        String problem;
        if (weights instanceof SparseWeights) {
            SparseWeights sw = (SparseWeights) weights;
            long[] m = s.matrixShape();
            problem = s.network().synapseMode() != SynapseMode.SxD ? "sparse weights need an SxD network"
                    : sw.rows() != m[0] || sw.cols() != m[1] ? "sparse weights of shape [" + sw.rows() + ", " + sw.cols()
                    + "] do not fit: this synapse needs " + Arrays.toString(m) + " ('" + s.src().tag() + "' has "
                    + s.src().size() + ", '" + s.dst().tag() + "' has " + s.dst().size() + " neurons)" : null;
        } else {
            long[] shape = ((INDArray) weights).shape();
            problem = WeightShapes.misfit(s, shape, kernel);
            if (problem == null && weightShape != null && !Arrays.equals(shape, toLong(weightShape))) {
                problem = "explicit weights of shape " + Arrays.toString(shape) + " differ from parameter 'weight_shape' "
                        + Arrays.toString(weightShape);
            }
        }
        if (problem != null) {
            throw error(problem);
        }
    }

    private static long[] toLong(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }
}
