package org.conex.helpers.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conex.api.ConexException;
import org.conex.api.tensor.RandomStream;

/**
 * Builds the input masks the CoNeX documentation names: grid cells, rectangular regions and
 * random pixel subsets, over an H x W image. Each call adds masks; {@link #build()} stacks them
 * in call order into a {@link Mask} of K masks.
 *
 * <pre>{@code
 * Mask cells = MaskBuilder.forImage(28, 28).grid(2, 2, Gap.uniform(-5)).build();   // 4 masks, rows/cols 0..18 and 9..27
 * Mask centre = MaskBuilder.forImage(28, 28).region(4, 4, 20, 20).build();          // 1 mask of 400 pixels
 * Mask sparse = MaskBuilder.forImage(28, 28).random(0.25, network.random().stream("mask")).build();
 * INDArray kept = cells.keep().transform(image);                                    // [4, 1, 28, 28]
 * }</pre>
 *
 * <ul>
 * <li>{@link #grid(int, int, Gap)}: m*n masks, cell (i, j) at index {@code i*n + j}, each the
 *     clipped cell box of {@link Gap} (the same cells {@link GridMask} keeps);</li>
 * <li>{@link #region(int, int, int, int)}: one mask, rows {@code [top, top+height)}, columns
 *     {@code [left, left+width)}, clipped to the image;</li>
 * <li>{@link #random(double, RandomStream)}: one mask of exactly {@code round(fraction * H * W)}
 *     pixels drawn uniformly without replacement.</li>
 * </ul>
 */
public final class MaskBuilder {
    private final int height;
    private final int width;
    private final List<boolean[]> masks = new ArrayList<>();

    private MaskBuilder(int height, int width) {
        if (height < 1 || width < 1) {
            throw new ConexException("MaskBuilder: image must be at least 1 x 1, found " + height + " x " + width);
        }
        this.height = height;
        this.width = width;
    }

    /** A builder for masks over an {@code height x width} image (pixels). */
    public static MaskBuilder forImage(int height, int width) {
        return new MaskBuilder(height, width);
    }

    /** m x n tiling cells without gaps. */
    public MaskBuilder grid(int m, int n) {
        return grid(m, n, Gap.NONE);
    }

    /** m x n cells with margins {@code gap}; adds m*n masks in row-major order. */
    public MaskBuilder grid(int m, int n, Gap gap) {
        Objects.requireNonNull(gap, "gap");
        for (Box b : GridGeometry.cells(height, width, m, n, gap, GapConvention.SIDES, GridMask.Mode.KEEP)) {
            masks.add(box(b));
        }
        return this;
    }

    /** One rectangle (clipped to the image; an empty rectangle is an error). */
    public MaskBuilder region(int top, int left, int regionHeight, int regionWidth) {
        Box b = new Box(top, left, regionHeight, regionWidth).clip(height, width);
        if (regionHeight < 1 || regionWidth < 1 || b.area() == 0) {
            throw new ConexException("MaskBuilder: region at (" + top + ", " + left + ") of " + regionHeight + " x "
                    + regionWidth + " covers no pixel of the " + height + " x " + width + " image");
        }
        masks.add(box(b));
        return this;
    }

    /** One mask of {@code round(fraction * H * W)} uniformly chosen pixels ({@code fraction} in [0, 1]). */
    public MaskBuilder random(double fraction, RandomStream random) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new ConexException("MaskBuilder: random fraction must be in [0, 1], found " + fraction);
        }
        Objects.requireNonNull(random, "random");
        int total = height * width;
        int k = (int) Math.round(fraction * total);
        int[] idx = new int[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        boolean[] mask = new boolean[total];
        for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k of a uniform permutation
            int j = i + random.nextInt(total - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            mask[idx[i]] = true;
        }
        masks.add(mask);
        return this;
    }

    /** The masks added so far ({@code [K, H, W]}); at least one is needed. */
    public Mask build() {
        if (masks.isEmpty()) {
            throw new ConexException("MaskBuilder: no mask was added (call grid, region or random first)");
        }
        return new Mask(masks.toArray(new boolean[0][]), height, width);
    }

    private boolean[] box(Box b) {
        boolean[] mask = new boolean[height * width];
        for (int r = b.top(); r < b.top() + b.height(); r++) {
            for (int c = b.left(); c < b.left() + b.width(); c++) {
                mask[r * width + c] = true;
            }
        }
        return mask;
    }
}
