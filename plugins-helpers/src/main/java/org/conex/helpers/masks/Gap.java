package org.conex.helpers.masks;

import org.conex.api.ConexException;

/**
 * Margins of a grid cell, in pixels, with ONE meaning everywhere in this package (the
 * {@link GapConvention#SIDES} convention): each value moves the named side of the cell inwards
 * (positive: the cell shrinks) or outwards (negative: the cell grows). {@code left}/{@code right}
 * act on columns, {@code top}/{@code bottom} on rows. For cell (i, j) of an m x n grid over an
 * H x W image, with {@code h = ceil(H/m)}, {@code w = ceil(W/n)}:
 * <pre>
 *   rows    [i*h + top,  (i+1)*h - bottom)
 *   columns [j*w + left, (j+1)*w - right)
 * </pre>
 * Keep and erase masks clip that box to the image; crops keep its full size
 * {@code (h - top - bottom) x (w - left - right)} and fill outside the image with zeros.
 * Example: 28 x 28, m = n = 2, every gap -5: cell (0, 0) covers rows and columns 0..18, its crop is
 * 24 x 24 with 5 zero rows and columns on top and at the left.
 *
 * @param left   columns removed at the left edge (negative: added)
 * @param right  columns removed at the right edge
 * @param top    rows removed at the top edge
 * @param bottom rows removed at the bottom edge
 */
public record Gap(int left, int right, int top, int bottom) {
    /** No gap: cells tile the image. */
    public static final Gap NONE = new Gap(0, 0, 0, 0);

    /** The same gap on all four sides. */
    public static Gap uniform(int g) {
        return new Gap(g, g, g, g);
    }

    /**
     * From a model file: one value (all sides) or four, in the reference's order
     * {@code (left, right, top, bottom)}.
     */
    public static Gap of(int[] values) {
        if (values == null) {
            return NONE;
        }
        if (values.length == 1) {
            return uniform(values[0]);
        }
        if (values.length == 4) {
            return new Gap(values[0], values[1], values[2], values[3]);
        }
        throw new ConexException("gap must be one integer or four (left, right, top, bottom), found "
                + values.length + " values");
    }
}
