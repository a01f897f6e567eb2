package org.conex.helpers.masks;

import org.conex.api.ConexException;

/**
 * The cell boxes of an m x n grid over an H x W image, cell (i, j) at index {@code i*n + j}
 * (row-major), for a {@link GridMask.Mode} under a {@link GapConvention}. Cell height
 * {@code h = ceil(H/m)}, width {@code w = ceil(W/n)}. Keep/erase boxes are clipped to the image;
 * crop boxes are not.
 */
public final class GridGeometry {
    private GridGeometry() {
    }

    /** The boxes of all m*n cells. */
    public static Box[] cells(int imageHeight, int imageWidth, int m, int n, Gap gap, GapConvention convention,
                              GridMask.Mode mode) {
        if (m < 1 || n < 1) {
            throw new ConexException("grid must have at least 1 x 1 cells, found " + m + " x " + n);
        }
        Box[] boxes = new Box[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boxes[i * n + j] = cell(imageHeight, imageWidth, m, n, i, j, gap, convention, mode);
            }
        }
        return boxes;
    }

    /** The box of cell (i, j). */
    public static Box cell(int imageHeight, int imageWidth, int m, int n, int i, int j, Gap g,
                           GapConvention convention, GridMask.Mode mode) {
        int h = ceilDiv(imageHeight, m);
        int w = ceilDiv(imageWidth, n);
        Box b;
        if (convention == GapConvention.SIDES) {
            b = new Box(i * h + g.top(), j * w + g.left(), h - g.top() - g.bottom(), w - g.left() - g.right());
        } else {
            b = reference(h, w, i, j, g, mode, imageHeight, imageWidth);
        }
        if (mode == GridMask.Mode.CROP) {
            if (b.height() < 1 || b.width() < 1) {
                throw new ConexException("grid crop cells are " + b.height() + " x " + b.width()
                        + " pixels with gap " + g + "; expected at least 1 x 1");
            }
            return b;
        }
        return new Box(b.top(), b.left(), Math.max(b.height(), 0), Math.max(b.width(), 0))
                .clip(imageHeight, imageWidth);
    }

    /** CoNeX 0.1.5 (behaviors.md 6.5 table), with clamping instead of negative-index wrap-around. */
    private static Box reference(int h, int w, int i, int j, Gap g, GridMask.Mode mode, int imageHeight,
                                 int imageWidth) {
        switch (mode) {
            case ERASE: {
                int r0 = i * h + g.left();
                int c0 = j * w + g.top();
                return new Box(Math.max(r0, 0), Math.max(c0, 0), h - g.bottom() - g.top() + Math.min(r0, 0),
                        w - g.right() - g.left() + Math.min(c0, 0));
            }
            case KEEP: {
                int r0 = Math.max(i * h + g.left(), 0);
                int r1 = Math.min((i + 1) * h - g.right(), imageHeight);
                int c0 = Math.max(j * w + g.top(), 0);
                int c1 = Math.min((j + 1) * w - g.bottom(), imageWidth);
                return new Box(r0, c0, r1 - r0, c1 - c0);
            }
            default:
                return new Box(i * h + g.left(), j * w + g.top(), h - g.bottom() - g.top(), w - g.right() - g.left());
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
