package org.conex.helpers.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.conex.api.ConexException;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weight matrix or a bank of convolution kernels as a colour image with a colour bar.
 * <ul>
 * <li>{@link #of(INDArray)}: a matrix {@code [S, D]} (SxD: row = presynaptic neuron, column =
 *     postsynaptic neuron); one cell per weight;</li>
 * <li>{@link #ofKernels(INDArray)}: kernels {@code [O, C, kh, kw]} (or {@code [K, kh, kw]}),
 *     tiled with output channels down and input channels across, separated by grey lines.</li>
 * </ul>
 * Signed data use the {@link ColorMap#DIVERGING} map symmetric around 0, non-negative data the
 * {@link ColorMap#SEQUENTIAL} map from min to max. The colour bar is labelled with the unit.
 *
 * <pre>{@code
 * WeightImage.of(synapse.array("weights")).title("L4 -> L2").unit("weight").write(Path.of("w.png"));
 * WeightImage.ofKernels(DoGFilter.kernel(7, 1, 2).reshape(1, 1, 7, 7)).title("DoG 7x7").write(Path.of("dog.svg"));
 * }</pre>
 */
public final class WeightImage extends Figure<WeightImage> {
    private static final int LEFT = 80;
    private static final int RIGHT = 110;
    private static final int TOP = 48;
    private static final int BOTTOM = 60;

    private final double[] cells;
    private final int rows;
    private final int cols;
    private final boolean[] separator;
    private String xLabel;
    private String yLabel;
    private String unit = "weight";
    private final double min;
    private final double max;

    private WeightImage(double[] cells, int rows, int cols, boolean[] separator, String xLabel, String yLabel) {
        this.cells = cells;
        this.rows = rows;
        this.cols = cols;
        this.separator = separator;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cells.length; k++) {
            if (!separator[k]) {
                lo = Math.min(lo, cells[k]);
                hi = Math.max(hi, cells[k]);
            }
        }
        this.min = lo;
        this.max = hi;
        title("Weights");
        size(Math.max(400, Math.min(1200, LEFT + RIGHT + cols * 8)), Math.max(300, Math.min(900, TOP + BOTTOM + rows * 8)));
    }

    /** A matrix {@code [S, D]}. */
    public static WeightImage of(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.length() == 0) {
            throw new ConexException("WeightImage: expected a non-empty matrix [S, D], found shape "
                    + Arrays.toString(matrix.shape()));
        }
        int r = (int) matrix.size(0);
        int c = (int) matrix.size(1);
        return new WeightImage(Tensors.toDoubles(matrix), r, c, new boolean[r * c], "postsynaptic neuron",
                "presynaptic neuron");
    }

    /** Kernels {@code [O, C, kh, kw]} or {@code [K, kh, kw]}, tiled. */
    public static WeightImage ofKernels(INDArray kernels) {
        long[] s = kernels.shape();
        if ((kernels.rank() != 3 && kernels.rank() != 4) || kernels.length() == 0) {
            throw new ConexException("WeightImage: kernels must be [O, C, kh, kw] or [K, kh, kw], found shape "
                    + Arrays.toString(s));
        }
        int o = (int) s[0];
        int c = kernels.rank() == 4 ? (int) s[1] : 1;
        int kh = (int) s[kernels.rank() - 2];
        int kw = (int) s[kernels.rank() - 1];
        double[] v = Tensors.toDoubles(kernels);
        int rows = o * kh + (o - 1);
        int cols = c * kw + (c - 1);
        double[] cells = new double[rows * cols];
        boolean[] sep = new boolean[rows * cols];
        Arrays.fill(sep, true);
        for (int oo = 0; oo < o; oo++) {
            for (int cc = 0; cc < c; cc++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int r = oo * (kh + 1) + i;
                        int col = cc * (kw + 1) + j;
                        cells[r * cols + col] = v[((oo * c + cc) * kh + i) * kw + j];
                        sep[r * cols + col] = false;
                    }
                }
            }
        }
        return new WeightImage(cells, rows, cols, sep, "input channel x kernel column", "output channel x kernel row");
    }

    /** Axis titles. */
    public WeightImage labels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    /** The colour bar's label (the weights' unit); default "weight". */
    public WeightImage unit(String u) {
        this.unit = u;
        return this;
    }

    /** Smallest and largest value shown. */
    public double[] range() {
        return new double[] {min, max};
    }

    private boolean signed() {
        return min < 0 && max > 0;
    }

    private double fraction(double v) {
        if (signed()) {
            double m = Math.max(-min, max);
            return 0.5 + 0.5 * v / m;
        }
        return max == min ? 0.5 : (v - min) / (max - min);
    }

    private BufferedImage cellImage() {
        ColorMap map = signed() ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                img.setRGB(c, r, separator[k] ? 0xB0B0B0 : map.at(fraction(cells[k])).getRGB());
            }
        }
        return img;
    }

    @Override
    protected void paint(Graphics2D g, int w, int h) {
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int pw = w - LEFT - RIGHT;
        int ph = h - TOP - BOTTOM;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cellImage(), LEFT, TOP, pw, ph, null);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, pw, ph);
        g.setFont(titleFont);
        fitted(g, title(), LEFT + pw / 2, TOP - 16, w - 8);
        g.setFont(tickFont);
        centered(g, "0", LEFT + (int) Math.round(pw / (2.0 * cols)), TOP + ph + 15);
        centered(g, Integer.toString(cols - 1), LEFT + pw - (int) Math.round(pw / (2.0 * cols)), TOP + ph + 15);
        FontMetrics fm = g.getFontMetrics();
        String last = Integer.toString(rows - 1);
        g.drawString("0", LEFT - 6 - fm.stringWidth("0"), TOP + (int) Math.round(ph / (2.0 * rows)) + 4);
        g.drawString(last, LEFT - 6 - fm.stringWidth(last), TOP + ph - (int) Math.round(ph / (2.0 * rows)) + 4);
        g.setFont(labelFont);
        centered(g, xLabel, LEFT + pw / 2, TOP + ph + 40);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, LEFT - 40, TOP + ph / 2.0);
        centered(g, yLabel, LEFT - 40, TOP + ph / 2 + 5);
        g.setTransform(saved);
        colorBar(g, LEFT + pw + 20, TOP, ph, tickFont, labelFont);
    }

    private void colorBar(Graphics2D g, int x, int y, int height, Font tickFont, Font labelFont) {
        ColorMap map = signed() ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;
        double lo = signed() ? -Math.max(-min, max) : min;
        double hi = signed() ? Math.max(-min, max) : max;
        for (int k = 0; k < height; k++) {
            g.setColor(map.at(1.0 - k / (double) Math.max(height - 1, 1)));
            g.fillRect(x, y + k, 16, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, y, 16, height);
        g.setFont(tickFont);
        g.drawString(format(hi), x + 20, y + 10);
        g.drawString(format(lo), x + 20, y + height);
        if (signed()) {
            g.drawString("0", x + 20, y + height / 2 + 4);
        }
        g.setFont(labelFont);
        AffineTransform saved = g.getTransform();
        g.rotate(Math.PI / 2, x + 70, y + height / 2.0);
        centered(g, unit, x + 70, y + height / 2 + 5);
        g.setTransform(saved);
    }

    private static String format(double v) {
        return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0) ? String.format(Locale.ROOT, "%.2e", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Draws a title centred on {@code cx} within {@code maxWidth} pixels: a smaller font (down to
     * 9 pt) when it is too wide, then cut with an ellipsis, so that it is never cut off by the
     * image's edges.
     */
    private static void fitted(Graphics2D g, String s, int cx, int baseline, int maxWidth) {
        if (s == null || s.isEmpty()) {
            return;
        }
        java.awt.Font original = g.getFont();
        java.awt.Font f = original;
        while (g.getFontMetrics(f).stringWidth(s) > maxWidth && f.getSize2D() > 9f) {
            f = f.deriveFont(f.getSize2D() - 1f);
        }
        String text = s;
        while (g.getFontMetrics(f).stringWidth(text) > maxWidth && text.length() > 2) {
            text = text.substring(0, text.length() - 2) + "\u2026";
        }
        g.setFont(f);
        int width = g.getFontMetrics().stringWidth(text);
        int x = Math.max(4, Math.min(cx - width / 2, 4 + maxWidth - width));
        g.drawString(text, x, baseline);
        g.setFont(original);
    }

    /**
     * Draws {@code s} centred on {@code cx}, moved right as far as needed to start inside the
     * image (a title wider than a narrow plot was cut off on the left).
     */
    private static void centered(Graphics2D g, String s, int cx, int baseline) {
        if (s == null || s.isEmpty()) {
            return;
        }
        g.drawString(s, Math.max(4, cx - g.getFontMetrics().stringWidth(s) / 2), baseline);
    }
}
