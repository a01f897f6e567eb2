package org.conex.helpers.masks;

import java.util.Arrays;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.helper.Sample;
import org.conex.api.helper.TensorTransform;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.conex.helpers.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CoNeX's grid masks {@code GridEraseMask}, {@code GridKeepMask} and {@code GridCropMask}
 * (behaviors.md 6.5): an image {@code [C, H, W]} (or {@code [H, W]}, read as one channel) becomes
 * one image per cell of an m x n grid, plus a location tensor saying which cell each came from.
 * <ul>
 * <li>{@link Mode#KEEP}: {@code [m*n, C, H, W]}, everything outside the cell set to 0; location
 *     one-hot at [i, j];</li>
 * <li>{@link Mode#ERASE}: {@code [m*n, C, H, W]}, the cell set to 0; location all true except [i, j];</li>
 * <li>{@link Mode#CROP}: {@code [m*n, C, h', w']}, the cell cut out (zero fill outside the image);
 *     location one-hot.</li>
 * </ul>
 * Cells are in row-major order ({@code i*n + j}); location is BOOL {@code [m*n, m, n]}. With
 * {@code random}, images and locations are permuted by the same permutation, drawn from the mask's
 * stream. Cell geometry: {@link Gap} (one meaning for all three, {@link GapConvention#SIDES}) or the
 * reference's ({@link GapConvention#REFERENCE}). As a pipeline step the sample's sensory tensor
 * becomes the cell images and its location is set; as a tensor transform only the images are
 * returned. The input is not modified.
 */
public final class GridMask implements TensorTransform {
    /** What a cell does to the image. */
    public enum Mode {
        KEEP, ERASE, CROP
    }

    /** Cell images and their grid locations, permuted together. */
    public record Result(INDArray images, INDArray location) {
    }

    /** "GridEraseMask". */
    public static final HelperType ERASE_TYPE = type("GridEraseMask", Mode.ERASE);
    /** "GridKeepMask". */
    public static final HelperType KEEP_TYPE = type("GridKeepMask", Mode.KEEP);
    /** "GridCropMask". */
    public static final HelperType CROP_TYPE = type("GridCropMask", Mode.CROP);

    private final Mode mode;
    private final int m;
    private final int n;
    private final Gap gap;
    private final GapConvention convention;
    private final RandomStream random;

    /**
     * @param mode       keep, erase or crop
     * @param m          grid rows (>= 1)
     * @param n          grid columns (>= 1)
     * @param gap        cell margins (see {@link Gap})
     * @param convention how gaps are read
     * @param random     stream for the permutation, or null for none (cells in row-major order)
     */
    public GridMask(Mode mode, int m, int n, Gap gap, GapConvention convention, RandomStream random) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (m < 1 || n < 1) {
            throw new ConexException("Grid" + name(mode) + "Mask: m and n must be >= 1, found " + m + " x " + n);
        }
        this.m = m;
        this.n = n;
        this.gap = Objects.requireNonNull(gap, "gap");
        this.convention = Objects.requireNonNull(convention, "convention");
        this.random = random;
    }

    /** Row-major cells, {@link Gap#NONE}, {@link GapConvention#SIDES}, no permutation. */
    public GridMask(Mode mode, int m, int n) {
        this(mode, m, n, Gap.NONE, GapConvention.SIDES, null);
    }

    private static String name(Mode mode) {
        return mode.name().charAt(0) + mode.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static HelperType type(String name, Mode mode) {
        return HelperType.builder(name, HelperKind.MASK, (p, ctx) -> create(p, ctx, mode, name))
                .params(ParamSpec.of("m", ParamKind.INTEGER).asRequired().atLeast(1).doc("grid rows"),
                        ParamSpec.of("n", ParamKind.INTEGER).asRequired().atLeast(1).doc("grid columns"),
                        ParamSpec.of("random", ParamKind.BOOLEAN).withDefault(false).doc("permute the cells"),
                        ParamSpec.of("gap", ParamKind.INTS).withDefault(new int[] {0})
                                .doc("(left, right, top, bottom) or one value; pixels, negative enlarges"),
                        ParamSpec.of("convention", ParamKind.STRING).withDefault("sides").oneOf("sides", "reference")
                                .doc("gap meaning: sides (documented) or reference (CoNeX 0.1.5)"),
                        Seeds.SPEC)
                .description(name(mode).toLowerCase(java.util.Locale.ROOT) + " each cell of an m x n grid")
                .build();
    }

    private static GridMask create(Params p, HelperContext ctx, Mode mode, String name) {
        RandomStream r = p.bool("random") ? Seeds.stream(p, ctx, name) : null;
        GapConvention c = p.string("convention").equals("reference") ? GapConvention.REFERENCE : GapConvention.SIDES;
        return new GridMask(mode, p.integer("m"), p.integer("n"), Gap.of(p.ints("gap")), c, r);
    }

    /** Splits {@code image} into cell images and locations. */
    public Result split(INDArray image) {
        long[] s = image.shape();
        if (image.rank() != 2 && image.rank() != 3) {
            throw new ConexException("Grid" + name(mode) + "Mask: input must be [C, H, W] or [H, W], found shape "
                    + Arrays.toString(s));
        }
        int c = image.rank() == 3 ? (int) s[0] : 1;
        int h = (int) s[image.rank() - 2];
        int w = (int) s[image.rank() - 1];
        Box[] cells = GridGeometry.cells(h, w, m, n, gap, convention, mode);
        int[] order = permutation(cells.length);
        double[] in = Tensors.toDoubles(image);
        int oh = mode == Mode.CROP ? cells[0].height() : h;
        int ow = mode == Mode.CROP ? cells[0].width() : w;
        double[] out = new double[cells.length * c * oh * ow];
        INDArray location = Tensors.zeros(DataType.BOOL, cells.length, m, n);
        java.nio.ByteBuffer loc = Views.bools(location);
        for (int k = 0; k < cells.length; k++) {
            int cell = order[k];
            Box b = cells[cell];
            int base = k * c * oh * ow;
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0; r < oh; r++) {
                    for (int col = 0; col < ow; col++) {
                        out[base + (ch * oh + r) * ow + col] = pixel(in, ch, h, w, b, r, col);
                    }
                }
            }
            for (int q = 0; q < m * n; q++) {
                boolean on = mode == Mode.ERASE ? q != cell : q == cell;
                loc.put(k * m * n + q, on ? (byte) 1 : 0);
            }
        }
        DType dtype = image.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
        return new Result(Tensors.of(dtype, out, cells.length, c, oh, ow), location);
    }

    private double pixel(double[] in, int ch, int h, int w, Box b, int r, int col) {
        if (mode == Mode.CROP) {
            int row = b.top() + r;
            int cc = b.left() + col;
            return row >= 0 && row < h && cc >= 0 && cc < w ? in[(ch * h + row) * w + cc] : 0.0;
        }
        boolean inside = b.contains(r, col);
        boolean keep = mode == Mode.KEEP ? inside : !inside;
        return keep ? in[(ch * h + r) * w + col] : 0.0;
    }

    private int[] permutation(int k) {
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        if (random != null) {
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
        }
        return p;
    }

    /** The cell images only. */
    @Override
    public INDArray transform(INDArray image) {
        return split(image).images();
    }

    /** Sensory becomes the cell images, location the cell locations; the label is kept. */
    @Override
    public Sample apply(Sample sample) {
        Result r = split(sample.sensory());
        return sample.withSensory(r.images()).withLocation(r.location());
    }

    @Override
    public String toString() {
        return "Grid" + name(mode) + "Mask(" + m + "x" + n + ", " + gap + ", " + convention + ")";
    }
}
