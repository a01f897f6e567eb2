package org.conex.helpers.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.conex.api.ConexException;

/**
 * A figure that paints itself with Java2D and is written as PNG (raster, via ImageIO) or SVG
 * (vector, via VectorGraphics2D), chosen by the file extension. Subclasses paint; this class owns
 * the title, the pixel size and the output. Works headless (no display needed).
 *
 * @param <F> the concrete figure, so the setters chain
 */
public abstract class Figure<F extends Figure<F>> {
    private String title = "";
    private int width = 800;
    private int height = 500;

    /** The title drawn above the plot. */
    @SuppressWarnings("unchecked")
    public F title(String t) {
        this.title = t == null ? "" : t;
        return (F) this;
    }

    /** Output size in pixels (SVG: user units); default 800 x 500. */
    @SuppressWarnings("unchecked")
    public F size(int w, int h) {
        if (w < 50 || h < 50) {
            throw new ConexException("figure size must be at least 50 x 50, found " + w + " x " + h);
        }
        this.width = w;
        this.height = h;
        return (F) this;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Paints the whole figure (background included) into a {@code width x height} area. */
    protected abstract void paint(Graphics2D g, int w, int h);

    /** The figure as an RGB image. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(g, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Writes the figure to {@code file}: {@code .png} or {@code .svg} (case-insensitive). Parent
     * folders are created.
     *
     * @return {@code file}
     */
    public Path write(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (name.endsWith(".png")) {
                if (!ImageIO.write(toImage(), "png", file.toFile())) {
                    throw new ConexException("no PNG writer is available to write " + file);
                }
            } else if (name.endsWith(".svg")) {
                VectorGraphics2D g = new VectorGraphics2D();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                paint(g, width, height);
                try (OutputStream out = Files.newOutputStream(file)) {
                    new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
                }
            } else {
                throw new ConexException("cannot tell the image format of " + file + ": use a .png or .svg file name");
            }
        } catch (IOException e) {
            throw new ConexException("cannot write " + file + ": " + e, e);
        }
        return file;
    }
}
