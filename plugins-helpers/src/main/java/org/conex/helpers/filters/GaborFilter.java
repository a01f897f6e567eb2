package org.conex.helpers.filters;

import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CoNeX {@code GaborFilter} (behaviors.md 6.3). On the {@link KernelGrid}:
 * <pre>
 *   Xr = X cos(theta) + Y sin(theta),  Yr = -X sin(theta) + Y cos(theta)
 *   G  = exp(-(Xr^2 + gamma^2 Yr^2) / (2 sigma^2)) * cos(2 pi Xr / lambda)
 * </pre>
 * X is the row coordinate, so theta = 0 gives bands that change from row to row. Optional
 * zero_mean and one_sum as in {@link DoGFilter}. Size 3, lambda 2, theta 0, sigma 1, gamma 0.5
 * gives rows [-0.535261, -0.606531, -0.535261], [0.882497, 1, 0.882497], [-0.535261, ...].
 * Note: at theta = pi/2 entries that should be 0 come out near +-1e-17 and their sign decides
 * their zero_mean group.
 *
 * <p>Registered as the FILTER helper "GaborFilter" (a {@link Conv2dFilter} with this kernel);
 * the wavelength keeps the reference's spelling {@code labda}.
 */
public final class GaborFilter {
    /** Registered as "GaborFilter": kernel parameters plus stride and padding of its application. */
    public static final HelperType TYPE = HelperType.builder("GaborFilter", HelperKind.FILTER,
                    (p, ctx) -> Conv2dFilter.single(kernel(p), p.ints("stride"), p.ints("padding")))
            .params(ParamSpec.of("size", ParamKind.INTEGER).asRequired().atLeast(1).doc("kernel side"),
                    ParamSpec.of("labda", ParamKind.NUMBER).asRequired().greaterThan(0).doc("wavelength (grid units)"),
                    ParamSpec.of("theta", ParamKind.NUMBER).asRequired().unit("rad").doc("orientation"),
                    ParamSpec.of("sigma", ParamKind.NUMBER).asRequired().greaterThan(0).doc("envelope width"),
                    ParamSpec.of("gamma", ParamKind.NUMBER).asRequired().doc("aspect ratio"),
                    ParamSpec.of("step", ParamKind.NUMBER).withDefault(1.0).greaterThan(0).doc("grid step"),
                    ParamSpec.of("zero_mean", ParamKind.BOOLEAN).withDefault(false),
                    ParamSpec.of("one_sum", ParamKind.BOOLEAN).withDefault(false),
                    Conv2dFilter.STRIDE, Conv2dFilter.PADDING)
            .description("Gabor kernel applied as a 2-D cross-correlation")
            .build();

    private GaborFilter() {
    }

    private static INDArray kernel(Params p) {
        return kernel(p.integer("size"), p.number("labda"), p.number("theta"), p.number("sigma"), p.number("gamma"),
                p.number("step"), p.bool("zero_mean"), p.bool("one_sum"), DType.FLOAT32);
    }

    /** A float32 kernel with step 1 and no normalization. */
    public static INDArray kernel(int size, double lambda, double theta, double sigma, double gamma) {
        return kernel(size, lambda, theta, sigma, gamma, 1.0, false, false, DType.FLOAT32);
    }

    /**
     * The kernel {@code [n, n]}.
     *
     * @param lambda wavelength, grid units (> 0)
     * @param theta  orientation, radians
     * @param sigma  Gaussian envelope width, grid units (> 0)
     * @param gamma  spatial aspect ratio
     */
    public static INDArray kernel(int size, double lambda, double theta, double sigma, double gamma, double step,
                                  boolean zeroMean, boolean oneSum, DType dtype) {
        if (!(lambda > 0) || !(sigma > 0)) {
            throw new IllegalArgumentException("GaborFilter: labda and sigma must be > 0, found " + lambda + " and "
                    + sigma);
        }
        double[] r = KernelGrid.coordinates(size, step);
        int n = r.length;
        double[] k = new double[n * n];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double xr = r[i] * cos + r[j] * sin;
                double yr = -r[i] * sin + r[j] * cos;
                k[i * n + j] = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigma * sigma))
                        * Math.cos(2 * Math.PI * xr / lambda);
            }
        }
        return KernelGrid.finish(k, n, zeroMean, oneSum, dtype);
    }
}
