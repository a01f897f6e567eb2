package org.conex.runtime.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conex.api.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The .npy header, streaming writer and whole-array reader/writer. */
class NpyFilesTest {
    @TempDir
    Path dir;

    @Test
    void headersAreFixedSizeMultiplesOf64WhateverTheRowCount() {
        NpyHeader small = new NpyHeader(NpyType.FLOAT32, 0, new long[] {784});
        NpyHeader big = new NpyHeader(NpyType.FLOAT32, 123_456_789_012L, new long[] {784});
        assertEquals(128, small.size());
        assertEquals(small.size(), small.bytes().length);
        assertEquals(small.size(), big.bytes().length);
        NpyHeader.Parsed p = NpyHeader.parse(ByteBuffer.wrap(big.bytes()));
        assertEquals(123_456_789_012L, p.header().rows());
        assertArrayEquals(new long[] {784}, p.header().rowShape());
        assertEquals(128, p.dataOffset());
        String text = new String(small.bytes(), 10, 62, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 784), }", text.strip());
    }

    @Test
    void appendingKeepsTheGivenRowsAndDropsTheRest() throws Exception {
        Path f = dir.resolve("x.npy");
        try (NpyWriter w = NpyWriter.create(f, NpyType.INT64, new long[] {2})) {
            for (long t = 1; t <= 10; t++) {
                w.writeLongs(t, 100 + t);
            }
        }
        assertEquals(128 + 10 * 16, Files.size(f));
        try (NpyWriter w = NpyWriter.append(f, NpyType.INT64, new long[] {2}, 4)) {
            w.writeLongs(99, 99);
        }
        INDArray a = NpyArrays.read(Files.newInputStream(f));
        assertArrayEquals(new long[] {5, 2}, a.shape());
        assertEquals(104, a.getLong(3, 1));
        assertEquals(99, a.getLong(4, 0));
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.append(f, NpyType.FLOAT32, new long[] {2}, 1));
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.append(f, NpyType.INT64, new long[] {2}, 9));
    }

    @Test
    void wholeArraysRoundTripBitForBit() throws Exception {
        INDArray[] arrays = {Nd4j.createFromArray(new float[][] {{1.5f, Float.NaN}, {-0f, 3e-39f}}),
            Nd4j.createFromArray(new double[] {Math.PI, -1}), Tensors.longs(new long[] {Long.MIN_VALUE, 7}, 2),
            Tensors.bools(new boolean[] {true, false, true}, 3), Nd4j.createFromArray(new int[] {1, -2})};
        for (INDArray a : arrays) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NpyArrays.write(a, out);
            INDArray b = NpyArrays.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(a.dataType(), b.dataType());
            assertArrayEquals(a.shape(), b.shape());
            ByteBuffer x = ArrayBytes.raw(ArrayBytes.contiguous(a));
            ByteBuffer y = ArrayBytes.raw(ArrayBytes.contiguous(b));
            assertEquals(x, y);
        }
    }
}
