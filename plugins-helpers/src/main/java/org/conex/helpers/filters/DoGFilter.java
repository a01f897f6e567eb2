package org.conex.helpers.filters;

import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CoNeX {@code DoGFilter}: a difference-of-Gaussians kernel (behaviors.md 6.2). On the
 * {@link KernelGrid} with {@code G = -(X^2 + Y^2)/2}:
 * <pre>
 *   D = ( exp(G/sigma1^2)/sigma1 - exp(G/sigma2^2)/sigma2 ) / sqrt(2 pi)
 * </pre>
 * (the 1-D normalisation constant, as in the reference: ODD-15, it only rescales), then optional
 * zero_mean and one_sum. Size 3, sigma1 = 1, sigma2 = 2 gives centre 0.199471, edges 0.065938 and
 * corners -0.008586. Values are computed in double and stored in the requested dtype.
 *
 * <p>Registered as the FILTER helper "DoGFilter", whose instances are {@link Conv2dFilter}s with
 * this kernel as a single 1 x 1 x k x k filter, so a pipeline step filters an image.
 */
public final class DoGFilter {
    /** Registered as "DoGFilter": kernel parameters plus stride and padding of its application. */
    public static final HelperType TYPE = HelperType.builder("DoGFilter", HelperKind.FILTER,
                    (p, ctx) -> Conv2dFilter.single(kernel(p), p.ints("stride"), p.ints("padding")))
            .params(ParamSpec.of("size", ParamKind.INTEGER).asRequired().atLeast(1).doc("kernel side"),
                    ParamSpec.of("sigma_1", ParamKind.NUMBER).asRequired().greaterThan(0),
                    ParamSpec.of("sigma_2", ParamKind.NUMBER).asRequired().greaterThan(0),
                    ParamSpec.of("step", ParamKind.NUMBER).withDefault(1.0).greaterThan(0).doc("grid step"),
                    ParamSpec.of("zero_mean", ParamKind.BOOLEAN).withDefault(false),
                    ParamSpec.of("one_sum", ParamKind.BOOLEAN).withDefault(false),
                    Conv2dFilter.STRIDE, Conv2dFilter.PADDING)
            .description("difference-of-Gaussians kernel applied as a 2-D cross-correlation")
            .build();

    private DoGFilter() {
    }

    private static INDArray kernel(Params p) {
        return kernel(p.integer("size"), p.number("sigma_1"), p.number("sigma_2"), p.number("step"),
                p.bool("zero_mean"), p.bool("one_sum"), DType.FLOAT32);
    }

    /** A float32 kernel with step 1 and no normalization. */
    public static INDArray kernel(int size, double sigma1, double sigma2) {
        return kernel(size, sigma1, sigma2, 1.0, false, false, DType.FLOAT32);
    }

    /**
     * The kernel {@code [n, n]}, n = size for step 1.
     *
     * @param sigma1 width of the first (usually centre) Gaussian, grid units (> 0)
     * @param sigma2 width of the second Gaussian, grid units (> 0)
     */
    public static INDArray kernel(int size, double sigma1, double sigma2, double step, boolean zeroMean,
                                  boolean oneSum, DType dtype) {
        if (!(sigma1 > 0) || !(sigma2 > 0)) {
            throw new IllegalArgumentException("DoGFilter: sigma_1 and sigma_2 must be > 0, found " + sigma1
                    + " and " + sigma2);
        }
        double[] r = KernelGrid.coordinates(size, step);
        int n = r.length;
        double[] k = new double[n * n];
        double c = Math.sqrt(2 * Math.PI);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double g = -(r[i] * r[i] + r[j] * r[j]) / 2;
                k[i * n + j] = (Math.exp(g / (sigma1 * sigma1)) / sigma1 - Math.exp(g / (sigma2 * sigma2)) / sigma2) / c;
            }
        }
        return KernelGrid.finish(k, n, zeroMean, oneSum, dtype);
    }
}
