package org.conex.helpers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDataSourceTest {

    /** A version-1 .npy file with a hand-written header and raw little-endian data. */
    static Path npy(Path dir, String name, String dict, byte[] data) throws IOException {
        String header = dict + " ".repeat(Math.max(0, 117 - dict.length())) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void roundTripWithLabels(@TempDir Path dir) {
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i / 2.0;
        }
        Path data = dir.resolve("x.npy");
        Path labels = dir.resolve("y.npy");
        NpyFile.write(data, Tensors.of(DType.FLOAT32, v, 3, 2, 2));
        NpyFile.write(labels, Tensors.longs(new long[] {4, 5, 6}, 3));
        NpyDataSource src = NpyDataSource.read(data, labels, 2.0);
        assertEquals(3, src.size());
        assertArrayEquals(new long[] {2, 2}, src.get(1).sensory().shape());
        assertArrayEquals(new double[] {4, 5, 6, 7}, Tensors.toDoubles(src.get(1).sensory()), 0);
        assertEquals(6, src.get(2).label().getAsLong());
    }

    @Test
    void unsignedBytesWithScaleAndBigEndianFloats(@TempDir Path dir) throws IOException {
        Path u8 = npy(dir, "u8.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }",
                new byte[] {0, (byte) 255, (byte) 128, 1});
        assertArrayEquals(new double[] {0, 1}, Tensors.toDoubles(NpyDataSource.read(u8, null, 1 / 255.0).get(0).sensory()),
                1e-7);
        ByteBuffer be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f);
        Path f = npy(dir, "be.npy", "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", be.array());
        assertEquals(-2.0, NpyFile.read(f).get(1));
        assertArrayEquals(new long[] {2}, NpyFile.read(f).shape());
    }

    private static String error(Path data) {
        return assertThrows(ConexException.class, () -> NpyDataSource.read(data, null, 1)).getMessage();
    }

    @Test
    void malformedFilesAreRejectedNamingTheFile(@TempDir Path dir) throws IOException {
        Path magic = dir.resolve("magic.npy");
        Files.write(magic, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        assertTrue(error(magic).contains("NPY file " + magic + " does not start with the magic"));
        Path shortData = npy(dir, "short.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new byte[20]);
        String m = error(shortData);
        assertTrue(m.contains("NPY file " + shortData + " is truncated: shape [3, 2] needs 24 bytes of data, found 20"), m);
        Path fortran = npy(dir, "f.npy", "{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", new byte[4]);
        assertTrue(error(fortran).contains("Fortran order"));
        Path complex = npy(dir, "c.npy", "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertTrue(error(complex).contains("'<c8'; supported"));
        Path noShape = npy(dir, "ns.npy", "{'descr': '<f4', 'fortran_order': False}", new byte[4]);
        assertTrue(error(noShape).contains("header without descr, fortran_order and shape"));
        byte[] whole = Files.readAllBytes(shortData);
        Path cutHeader = dir.resolve("cut.npy");
        Files.write(cutHeader, Arrays.copyOf(whole, 40));
        assertTrue(error(cutHeader).contains("is truncated: its header needs"));
    }

    @Test
    void labelsMustMatchTheSamples(@TempDir Path dir) {
        Path data = dir.resolve("x.npy");
        Path labels = dir.resolve("y.npy");
        NpyFile.write(data, TestData.floats(new double[4], 2, 2));
        NpyFile.write(labels, Tensors.longs(new long[] {1, 2, 3}, 3));
        String m = assertThrows(ConexException.class, () -> NpyDataSource.read(data, labels, 1)).getMessage();
        assertTrue(m.contains("have shape [3]; expected 2 integers, one per sample"), m);
    }
}
