package org.conex.helpers.masks;

/**
 * A rectangle of pixels: rows {@code [top, top + height)}, columns {@code [left, left + width)};
 * may reach outside the image (crops fill that part with zeros).
 */
public record Box(int top, int left, int height, int width) {
    /** The part inside an H x W image (height/width 0 if none). */
    public Box clip(int imageHeight, int imageWidth) {
        int r0 = Math.max(top, 0);
        int c0 = Math.max(left, 0);
        int r1 = Math.min(top + height, imageHeight);
        int c1 = Math.min(left + width, imageWidth);
        return new Box(r0, c0, Math.max(r1 - r0, 0), Math.max(c1 - c0, 0));
    }

    /** True if (row, col) is inside. */
    public boolean contains(int row, int col) {
        return row >= top && row < top + height && col >= left && col < left + width;
    }

    /** Number of pixels. */
    public int area() {
        return height * width;
    }
}
