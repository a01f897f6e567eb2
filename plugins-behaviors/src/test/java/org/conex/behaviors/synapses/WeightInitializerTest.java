package org.conex.behaviors.synapses;

import static org.conex.behaviors.synapses.SynapseFixture.list;
import static org.conex.behaviors.synapses.SynapseFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronShape;
import org.conex.api.tensor.SparseWeights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Spec section 8 test 18, every mode of spec 4.3, shapes and bad parameters. */
class WeightInitializerTest {
    private static SynapseFixture init(int nSrc, int nDst, Map<String, ?> p) {
        SynapseFixture f = new SynapseFixture(nSrc, nDst);
        f.add(WeightInitializer.TYPE, p);
        return f;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void numberModeWithScaleAndOffset() {
        SynapseFixture f = init(3, 2, params("mode", 0.5, "scale", 2.0, "offset", 1.0)).initialize();
        assertArrayEquals(new long[] {3, 2}, f.syn.array("weights").shape());
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, f.values("weights"));
    }

    @Test
    void onesAndZeros() {
        assertArrayEquals(new double[] {1, 1, 1, 1}, init(2, 2, params("mode", "ones")).initialize().values("weights"));
        assertArrayEquals(new double[] {0, 0, 0, 0}, init(2, 2, params("mode", "zeros")).initialize().values("weights"));
    }

    /** ODD-7: explicit weights are used verbatim; scale, offset and density are ignored. */
    @Test
    void explicitWeightsAreKeptUnscaled() {
        SynapseFixture f = init(2, 2, params("weights", List.of(list(1, 2), list(3, 4)), "scale", 3.0, "offset", 1.0))
                .initialize();
        assertArrayEquals(new double[] {1, 2, 3, 4}, f.values("weights"));
    }

    /** U[0,1) over 20000 weights: mean 0.5 and sd 1/sqrt(12); 0.01 is about 5 standard errors. */
    @Test
    void randomIsUniform() {
        double[] w = init(200, 100, params("mode", "random", "scale", 0.5, "offset", 0.1)).initialize().values("weights");
        for (double x : w) {
            assertTrue(x >= 0.1 && x <= 0.6, "weight " + x);
        }
        assertEquals(0.35, mean(w), 0.005);
        assertEquals(0.5 / Math.sqrt(12), std(w), 0.003);
    }

    /** N(2, 0.5) over 20000 weights: standard error of the mean 0.0035, of the sd about 0.0025. */
    @Test
    void normalHasMeanAndStd() {
        double[] w = init(200, 100, params("mode", "normal(2, 0.5)")).initialize().values("weights");
        assertEquals(2.0, mean(w), 0.02);
        assertEquals(0.5, std(w), 0.015);
    }

    /** true_sparsity false: a dense matrix masked by U <= density (fraction 0.3, se 0.0032). */
    @Test
    void maskedDenseDensity() {
        SynapseFixture f = init(200, 100, params("mode", "ones", "density", 0.3, "true_sparsity", false)).initialize();
        INDArray w = f.syn.array("weights");
        assertArrayEquals(new long[] {200, 100}, w.shape());
        double nonZero = 0;
        for (double x : f.values("weights")) {
            assertTrue(x == 0 || x == 1);
            nonZero += x;
        }
        assertEquals(0.3, nonZero / 20000, 0.016);
    }

    @Test
    void sameSeedSameWeights() {
        assertArrayEquals(init(5, 4, params("mode", "random")).initialize().values("weights"),
                init(5, 4, params("mode", "random")).initialize().values("weights"));
    }

    /** Spec 8 test 18: density 0.25 on 4x4 gives 4 entries with src_idx/dst_idx in CSC order. */
    @Test
    void trueSparsityGivesCscWithIndices() {
        SynapseFixture f = init(4, 4, params("mode", "ones", "density", 0.25, "offset", 0.5)).initialize();
        SparseWeights w = assertInstanceOf(SparseWeights.class, f.syn.get("weights"));
        assertEquals(4, w.nnz());
        double[] src = f.values("src_idx");
        double[] dst = f.values("dst_idx");
        assertEquals(4, src.length);
        for (int k = 0; k < 4; k++) {
            assertEquals(w.row(k), src[k]);
            assertEquals(w.col(k), dst[k]);
            if (k > 0) {
                assertTrue(dst[k] > dst[k - 1] || dst[k] == dst[k - 1] && src[k] > src[k - 1], "CSC order at " + k);
            }
        }
        assertArrayEquals(new double[] {1.5, 1.5, 1.5, 1.5}, SynapseFixture.values(w.values()));
        double[] dense = SynapseFixture.values(w.toDense());
        assertEquals(16, dense.length);
        assertEquals(6.0, sum(dense));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void sparseHighDensityUsesComplementAndStaysExact() {
        SparseWeights w = (SparseWeights) init(10, 10, params("mode", "ones", "density", 0.9)).initialize()
                .syn.get("weights");
        assertEquals(90, w.nnz());
    }

    /** golden README section 4: explicit sparse object, entries in any order, duplicates summed. */
    @Test
    void explicitSparseObject() {
        Map<String, Object> sparse = params("format", "sparse", "shape", List.of(3, 2), "src_idx", List.of(2, 0, 1, 0),
                "dst_idx", List.of(0, 1, 0, 1), "values", list(5, 2, 3, 0.5));
        SynapseFixture f = init(3, 2, params("weights", sparse)).initialize();
        SparseWeights w = assertInstanceOf(SparseWeights.class, f.syn.get("weights"));
        assertEquals(3, w.nnz());
        assertArrayEquals(new double[] {1, 2, 0}, f.values("src_idx"));
        assertArrayEquals(new double[] {0, 0, 1}, f.values("dst_idx"));
        assertArrayEquals(new double[] {3, 5, 2.5}, SynapseFixture.values(w.values()));
    }

    @Test
    void oneToOneWeightShape() {
        SynapseFixture f = init(4, 4, params("mode", "ones", "weight_shape", List.of(4))).initialize();
        assertArrayEquals(new long[] {4}, f.syn.array("weights").shape());
    }

    @Test
    void convKernelShapeGivesTheWeightShape() {
        Network net = new Network();
        SynapseFixture f = new SynapseFixture(net, net.addNeuronGroup("a", new NeuronShape(2, 6, 6)),
                net.addNeuronGroup("b", new NeuronShape(3, 4, 4)));
        f.add(WeightInitializer.TYPE, params("mode", "ones", "kernel_shape", List.of(3, 2, 3, 3)));
        f.initialize();
        assertArrayEquals(new long[] {3, 2, 3, 3}, f.syn.array("weights").shape());
        assertArrayEquals(new int[] {3, 2, 3, 3}, (int[]) f.syn.get("kernel_shape"));
    }

    @Test
    void localKernelShapeGivesTheWeightShape() {
        Network net = new Network();
        SynapseFixture f = new SynapseFixture(net, net.addNeuronGroup("a", new NeuronShape(1, 6, 6)),
                net.addNeuronGroup("b", new NeuronShape(2, 4, 4)));
        f.add(WeightInitializer.TYPE, params("mode", "ones", "kernel_shape", List.of(2, 4, 4, 1, 3, 3)));
        f.initialize();
        assertArrayEquals(new long[] {2, 16, 9}, f.syn.array("weights").shape());
        assertArrayEquals(new int[] {2, 4, 4, 1, 3, 3}, (int[]) f.syn.get("kernel_shape"));
    }

    @Test
    void unknownModeRejected() {
        init(2, 2, params("mode", "gamma(2)")).assertInitFails("WeightInitializer on 's'", "parameter 'mode'",
                "unknown tensor mode 'gamma'");
    }

    @Test
    void weightShapeThatDoesNotFitTheGroups() {
        init(3, 2, params("mode", "ones", "weight_shape", List.of(2, 3))).assertInitFails("WeightInitializer on 's'",
                "weights of shape [2, 3] do not fit", "[3, 2]");
        init(3, 2, params("mode", "ones", "weight_shape", List.of(3))).assertInitFails("(one-to-one) need N_src == N_dst");
        init(3, 2, params("weights", List.of(list(1, 2, 3)))).assertInitFails("weights of shape [1, 3] do not fit");
    }

    @Test
    void kernelAndWeightShapeMustAgree() {
        init(3, 2, params("mode", "ones", "kernel_shape", List.of(2, 4, 4, 1, 3, 3), "weight_shape", List.of(2, 16, 8)))
                .assertInitFails("'weight_shape' [2, 16, 8] does not match 'kernel_shape'", "[2, 16, 9]");
        init(3, 2, params("mode", "ones", "kernel_shape", List.of(2, 3))).assertInitFails("'kernel_shape' must have 4");
    }

    @Test
    void neitherModeNorWeights() {
        init(2, 2, Map.of()).assertInitFails("WeightInitializer on 's'", "needs 'mode'", "or explicit 'weights'");
    }

    @Test
    void densityAboveOneRejected() {
        init(2, 2, params("mode", "ones", "density", 1.5)).assertInitFails("'density' must be in [0, 1], found 1.5");
    }

    @Test
    void badSparseObjects() {
        init(3, 2, params("weights", params("format", "sparse", "shape", List.of(2, 3), "src_idx", List.of(0),
                "dst_idx", List.of(0), "values", list(1)))).assertInitFails("sparse weights of shape [2, 3] do not fit",
                "[3, 2]");
        init(3, 2, params("weights", params("format", "coo"))).assertInitFails("\"format\": \"sparse\"");
        init(3, 2, params("weights", params("format", "sparse", "shape", List.of(3, 2), "src_idx", List.of(0),
                "dst_idx", List.of(0), "values", list(1), "extra", 1))).assertInitFails("unknown key 'extra'");
        init(3, 2, params("weights", params("format", "sparse", "shape", List.of(3, 2), "src_idx", List.of(5),
                "dst_idx", List.of(0), "values", list(1)))).assertInitFails("outside the 3x2 matrix");
    }
}
