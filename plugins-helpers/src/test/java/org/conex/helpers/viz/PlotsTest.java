package org.conex.helpers.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.RandomStream;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.conex.helpers.encoders.PoissonEncoder;
import org.conex.helpers.filters.DoGFilter;
import org.conex.helpers.filters.GaborFilter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every figure is written as PNG (signature and IHDR size checked) and SVG. The files stay in
 * target/plots so that a person can look at them.
 */
class PlotsTest {
    static final Path OUT = Path.of("target", "plots");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** Asserts a valid PNG header of the given size. */
    static void assertPng(Path file, int width, int height) throws IOException {
        byte[] b = Files.readAllBytes(file);
        assertArrayEquals(PNG, Arrays.copyOf(b, 8), "PNG signature of " + file);
        assertEquals("IHDR", new String(b, 12, 4, StandardCharsets.US_ASCII));
        ByteBuffer h = ByteBuffer.wrap(b, 16, 8);
        assertEquals(width, h.getInt(), "width of " + file);
        assertEquals(height, h.getInt(), "height of " + file);
    }

    /** An SVG document of the given size (XChart draws its text as outlines, so text is not searched). */
    static String assertSvg(Path file, int width, int height) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains("<svg") && s.contains("viewBox=\"0 0 " + width + " " + height + "\""),
                "SVG root of " + width + " x " + height + " in " + file);
        return s;
    }

    @Test
    void rasterOfAPoissonSpikeTensor() throws IOException {
        INDArray x = TestData.floats(new double[] {0, 0.25, 0.5, 0.75, 1, 1, 0.75, 0.5, 0.25, 0});
        INDArray spikes = new PoissonEncoder(200, 200, 1, new RandomStream(2)).encode(x);
        RasterPlot plot = RasterPlot.ofSpikes(spikes).title("Poisson input, 0-200 Hz").size(900, 400);
        assertEquals(TestData.total(spikes), plot.spikeCount());
        assertPng(plot.write(OUT.resolve("raster.png")), 900, 400);
        assertSvg(plot.write(OUT.resolve("raster.svg")), 900, 400);
        assertPng(RasterPlot.of(new long[0], new long[0]).write(OUT.resolve("raster-empty.png")), 800, 500);
    }

    @Test
    void voltageTraces() throws IOException {
        double[] v = new double[200 * 3];
        for (int t = 0; t < 200; t++) {
            for (int i = 0; i < 3; i++) {
                double tau = 10 * (i + 1);
                v[t * 3 + i] = -65 + 15 * (1 - Math.exp(-(t % 50) / tau)); // charging curves, reset every 50 ms
            }
        }
        TracePlot plot = TracePlot.of(Tensors.of(DType.FLOAT32, v, 200, 3), "v").unit("mV").time(0.5, 0.5)
                .title("Membrane voltage").neurons(0, 2).size(700, 350);
        assertPng(plot.write(OUT.resolve("traces.png")), 700, 350);
        assertSvg(plot.write(OUT.resolve("traces.svg")), 700, 350);
        ConexException e = assertThrows(ConexException.class, () -> plot.neurons(3));
        assertTrue(e.getMessage().contains("neuron 3 does not exist; 'v' has 3 values per sample"), e.getMessage());
    }

    @Test
    void weightMatrixAndKernelImages() throws IOException {
        RandomStream r = new RandomStream(4);
        double[] w = new double[30 * 20];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble();
        }
        WeightImage m = WeightImage.of(Tensors.of(DType.FLOAT32, w, 30, 20)).title("Random weights").size(640, 480);
        assertPng(m.write(OUT.resolve("weights.png")), 640, 480);
        INDArray bank = org.nd4j.linalg.factory.Nd4j.concat(0,
                DoGFilter.kernel(9, 1, 2.5, 1, true, true, DType.FLOAT32).reshape(1, 1, 9, 9),
                GaborFilter.kernel(9, 4, 0, 2, 0.5).reshape(1, 1, 9, 9),
                GaborFilter.kernel(9, 4, Math.PI / 4, 2, 0.5).reshape(1, 1, 9, 9));
        WeightImage k = WeightImage.ofKernels(bank).title("DoG and Gabor kernels").unit("kernel value").size(500, 700);
        assertTrue(k.range()[0] < 0 && k.range()[1] > 0);
        assertPng(k.write(OUT.resolve("kernels.png")), 500, 700);
        assertTrue(assertSvg(k.write(OUT.resolve("kernels.svg")), 500, 700).contains(">DoG and Gabor kernels<"));
        assertThrows(ConexException.class, () -> m.write(OUT.resolve("weights.jpg")));
        assertThrows(ConexException.class, () -> WeightImage.of(TestData.floats(new double[3])));
    }

    /** A title wider than the image is drawn smaller or shortened, never cut by the image's edges. */
    @Test
    void aLongTitleStaysInsideTheImage() throws IOException {
        double[] w = new double[12];
        Arrays.fill(w, 0.5);
        String title = "default-example-20261126-031331: input_exc receptive fields at the last sample"
                + " (one tile per destination neuron, and then some more words)";
        Path png = WeightImage.of(Tensors.of(DType.FLOAT32, w, 3, 4)).title(title).size(420, 300)
                .write(OUT.resolve("long-title.png"));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int dark = 0;
        for (int y = 10; y < 40; y++) {
            for (int x : new int[] {0, 1, 2, img.getWidth() - 3, img.getWidth() - 2, img.getWidth() - 1}) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                dark += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        assertEquals(0, dark, "no title pixel on the outermost columns");
        int inked = 0;
        for (int y = 10; y < 40; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                inked += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        assertTrue(inked > 200, "the title is drawn: " + inked + " dark pixels");
    }
}
