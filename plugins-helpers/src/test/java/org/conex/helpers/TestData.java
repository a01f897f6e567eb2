package org.conex.helpers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small helpers shared by the tests: float tensors, spike counts, the shared data folder. */
public final class TestData {
    private TestData() {
    }

    /** A float32 tensor of {@code values} with {@code shape} (default: a vector). */
    public static INDArray floats(double[] values, long... shape) {
        return Tensors.of(DType.FLOAT32, values, shape.length == 0 ? new long[] {values.length} : shape);
    }

    /** A float32 vector of {@code n} copies of {@code value}. */
    public static INDArray constant(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return floats(v);
    }

    /** Spikes per pixel of a BOOL [T, n...] tensor (summed over the time axis), flat. */
    public static long[] countsPerPixel(INDArray spikes) {
        double[] s = Tensors.toDoubles(spikes);
        int t = (int) spikes.size(0);
        int n = s.length / t;
        long[] c = new long[n];
        for (int k = 0; k < s.length; k++) {
            if (s[k] != 0) {
                c[k % n]++;
            }
        }
        return c;
    }

    /** Total number of true entries. */
    public static long total(INDArray spikes) {
        long c = 0;
        for (double v : Tensors.toDoubles(spikes)) {
            c += v != 0 ? 1 : 0;
        }
        return c;
    }

    /** Steps (0-based) at which pixel {@code i} of a [T, n] BOOL tensor spikes. */
    public static java.util.List<Integer> spikeSteps(INDArray spikes, int i) {
        double[] s = Tensors.toDoubles(spikes);
        int t = (int) spikes.size(0);
        int n = s.length / t;
        java.util.List<Integer> steps = new java.util.ArrayList<>();
        for (int k = 0; k < t; k++) {
            if (s[k * n + i] != 0) {
                steps.add(k);
            }
        }
        return steps;
    }

    /** True if both tensors have the same shape, type and values. */
    public static boolean same(INDArray a, INDArray b) {
        return a.dataType() == b.dataType() && java.util.Arrays.equals(a.shape(), b.shape())
                && java.util.Arrays.equals(Tensors.toDoubles(a), Tensors.toDoubles(b));
    }

    /**
     * The shared folder: the system property conex.shared.dir (set by surefire to the folder beside
     * the checkout) when it exists, else the first {@code shared} folder holding {@code data} found
     * walking up from the working directory (a worktree sits one level deeper than a checkout).
     */
    public static Path sharedDir() {
        String p = System.getProperty("conex.shared.dir");
        if (p != null && Files.isDirectory(Path.of(p, "data"))) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared").resolve("data"))) {
                return d.resolve("shared");
            }
        }
        return Path.of("../../shared");
    }

    /** The MNIST-10k folder of the shared data. */
    public static Path mnistDir() {
        return sharedDir().resolve("data/mnist10k");
    }

    /** BOOL check helper. */
    public static boolean isBool(INDArray a) {
        return a.dataType() == DataType.BOOL;
    }

    /** {E[N], E[N^2]} of the number of renewals up to T with intervals max(Poisson(lambda), 1). */
    public static double[] renewalMoments(double lambda, int window) {
        double[] interval = new double[window + 1];
        double pk = Math.exp(-lambda);
        interval[1] = pk;
        for (int k = 1; k <= window; k++) {
            pk *= lambda / k;
            interval[Math.max(k, 1)] += pk;
        }
        double[] sk = interval.clone(); // distribution of S_1 on 0..T
        double en = 0;
        double en2 = 0;
        for (int k = 1; k <= window; k++) {
            double pLe = 0;
            for (int t = 1; t <= window; t++) {
                pLe += sk[t];
            }
            en += pLe;
            en2 += (2 * k - 1) * pLe;
            double[] next = new double[window + 1];
            for (int t = 1; t <= window; t++) {
                for (int d = 1; t + d <= window; d++) {
                    next[t + d] += sk[t] * interval[d];
                }
            }
            sk = next;
        }
        return new double[] {en, en2};
    }
}
