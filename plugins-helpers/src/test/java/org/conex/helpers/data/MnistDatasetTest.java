package org.conex.helpers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.conex.api.ConexException;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.RandomStreams;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared MNIST-10k files, and malformed IDX files written to a temporary folder. */
class MnistDatasetTest {
    private static MnistDataset mnist;

    @BeforeAll
    static void readShared() {
        Path dir = TestData.mnistDir();
        assertTrue(Files.isDirectory(dir), "shared MNIST data expected at " + dir.toAbsolutePath());
        mnist = MnistDataset.readFolder(dir, "");
    }

    @Test
    void sharedFilesHaveTheKnownShapeLabelsAndPixels() {
        assertEquals(10_000, mnist.size());
        assertEquals(28, mnist.height());
        assertEquals(28, mnist.width());
        long[] counts = new long[10];
        for (int i = 0; i < mnist.size(); i++) {
            counts[mnist.label(i)]++;
        }
        assertArrayEquals(new long[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
        long sum = 0;
        for (int i = 0; i < mnist.size(); i++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    sum += mnist.pixel(i, r, c);
                }
            }
        }
        assertEquals(262_146_600L, sum);
    }

    @Test
    void samplesAreFloatImagesInTheUnitInterval() {
        Sample s = mnist.get(0);
        assertArrayEquals(new long[] {1, 28, 28}, s.sensory().shape());
        assertEquals(3, s.label().getAsLong());
        assertEquals(25_376 / 255.0, s.sensory().sumNumber().doubleValue(), 1e-3);
        assertEquals(1.0, s.sensory().maxNumber().doubleValue());
        assertEquals(0.0, s.sensory().minNumber().doubleValue());
        assertThrows(IndexOutOfBoundsException.class, () -> mnist.get(10_000));
    }

    @Test
    void registeredTypeResolvesPathsAgainstTheContext() {
        HelperContext ctx = new HelperContext(new RandomStreams(0), TestData.mnistDir(), "input");
        MnistDataset d = (MnistDataset) MnistDataset.TYPE.create(Map.of("images", "images-idx3-ubyte.gz",
                "labels", "labels-idx1-ubyte.gz", "limit", 100), ctx);
        assertEquals(100, d.size());
        assertEquals(3, d.label(0));
    }

    // ------------------------------------------------------------ malformed files

    private static byte[] idx(int magic, int[] dims, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + dataBytes);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) (i % 256));
        }
        return b.array();
    }

    private static Path write(Path dir, String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    private static String error(Path images, Path labels) {
        return assertThrows(ConexException.class, () -> MnistDataset.read(images, labels)).getMessage();
    }

    @Test
    void validSyntheticFilesPlainAndGzip(@TempDir Path dir) throws IOException {
        Path img = write(dir, "img", idx(2051, new int[] {2, 3, 4}, 24), false);
        Path lab = write(dir, "lab.gz", idx(2049, new int[] {2}, 2), true);
        MnistDataset d = MnistDataset.read(img, lab);
        assertEquals(2, d.size());
        assertEquals(1, d.label(1));
        assertEquals(23, d.pixel(1, 2, 3));
        assertArrayEquals(new long[] {1, 3, 4}, d.get(0).sensory().shape());
        assertFalse(MnistDataset.read(img, null).hasLabels());
    }

    @Test
    void wrongMagicIsRejectedNamingTheFile(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "bad-magic", idx(0x12345678, new int[] {1, 1, 1}, 1), false);
        String m = error(bad, null);
        assertTrue(m.contains("IDX file " + bad) && m.contains("magic number 0x12345678"), m);
        Path labelsAsImages = write(dir, "labels-as-images", idx(2049, new int[] {3}, 3), false);
        m = error(labelsAsImages, null);
        assertTrue(m.contains("expected MNIST images: type 0x08 with 3 (magic 2051)"), m);
        Path floats = write(dir, "floats", idx(0x00000D03, new int[] {1, 1, 1}, 4), false);
        assertTrue(error(floats, null).contains("holds type 0x0D"));
    }

    @Test
    void truncationIsRejected(@TempDir Path dir) throws IOException {
        Path shortData = write(dir, "short.gz", idx(2051, new int[] {10, 28, 28}, 5000), true);
        String m = error(shortData, null);
        assertTrue(m.contains("IDX file " + shortData + " is truncated: dimensions [10, 28, 28] need 7840 bytes of data,"
                + " found 5000"), m);
        Path shortHeader = write(dir, "short-header", Arrays.copyOf(idx(2051, new int[] {10, 28, 28}, 0), 9), false);
        assertTrue(error(shortHeader, null).contains("header needs 16 bytes"));
        byte[] gz = Files.readAllBytes(write(dir, "full.gz", idx(2051, new int[] {1, 28, 28}, 784), true));
        Path cut = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2), false);
        m = error(cut, null);
        assertTrue(m.contains("data file " + cut + " is truncated") || m.contains("not a valid gzip"), m);
        Path tiny = write(dir, "tiny", new byte[] {0, 0}, false);
        assertTrue(error(tiny, null).contains("fewer than the 4-byte magic"));
    }

    @Test
    void trailingBytesCountMismatchAndMissingFiles(@TempDir Path dir) throws IOException {
        Path img = write(dir, "img", idx(2051, new int[] {2, 2, 2}, 8), false);
        Path extra = write(dir, "extra", idx(2051, new int[] {1, 2, 2}, 6), false);
        assertTrue(error(extra, null).contains("2 unexpected bytes after the 4 bytes"));
        Path three = write(dir, "three", idx(2049, new int[] {3}, 3), false);
        String m = error(img, three);
        assertTrue(m.contains("has 2 images but") && m.contains("has 3 labels"), m);
        assertTrue(error(dir.resolve("nope"), null).contains("does not exist"));
        assertTrue(assertThrows(ConexException.class, () -> MnistDataset.readFolder(dir, "train")).getMessage()
                .contains("neither train-images-idx3-ubyte.gz nor train-images-idx3-ubyte exists"));
    }
}
