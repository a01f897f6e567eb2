package org.conex.helpers.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.conex.api.ConexException;

/**
 * A file in the IDX format of the MNIST distribution (plain or gzip): a 4-byte magic
 * {@code 0x00 0x00 TYPE NDIM}, NDIM big-endian 32-bit dimension sizes, then the values in C order,
 * big-endian. Every structural problem is an error naming the file: a wrong magic, an unknown type
 * code, a negative dimension, fewer bytes than the dimensions promise (truncation) or trailing bytes.
 * Type codes: 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32,
 * 0x0E float64.
 */
public final class IdxFile {
    /** Unsigned byte type code (MNIST). */
    public static final int UBYTE = 0x08;

    private final Path file;
    private final int type;
    private final int[] dims;
    private final ByteBuffer data;

    private IdxFile(Path file, int type, int[] dims, ByteBuffer data) {
        this.file = file;
        this.type = type;
        this.dims = dims;
        this.data = data;
    }

    /** Reads and validates {@code file}. */
    public static IdxFile read(Path file) {
        byte[] bytes = DataFiles.readAll(file);
        if (bytes.length < 4) {
            throw new ConexException("IDX file " + file + " is truncated: " + bytes.length
                    + " bytes, fewer than the 4-byte magic number");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int magic = b.getInt();
        int type = (magic >>> 8) & 0xff;
        int ndim = magic & 0xff;
        if ((magic >>> 16) != 0 || width(type) == 0 || ndim == 0) {
            throw new ConexException("IDX file " + file + " has the magic number " + String.format("0x%08X", magic)
                    + "; expected 0x0000TTDD with a type TT among 08, 09, 0B, 0C, 0D, 0E and DD >= 1 dimensions"
                    + " (MNIST images: 0x00000803 = 2051, labels: 0x00000801 = 2049)");
        }
        if (bytes.length < 4 + 4L * ndim) {
            throw new ConexException("IDX file " + file + " is truncated: its header needs " + (4 + 4 * ndim)
                    + " bytes for " + ndim + " dimensions, the file has " + bytes.length);
        }
        int[] dims = new int[ndim];
        long count = 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = b.getInt();
            if (dims[d] < 0) {
                throw new ConexException("IDX file " + file + ": dimension " + d + " is " + dims[d] + " (negative)");
            }
            count *= dims[d];
        }
        long expected = count * width(type);
        long found = bytes.length - b.position();
        if (found < expected) {
            throw new ConexException("IDX file " + file + " is truncated: dimensions " + Arrays.toString(dims)
                    + " need " + expected + " bytes of data, found " + found);
        }
        if (found > expected) {
            throw new ConexException("IDX file " + file + " has " + (found - expected) + " unexpected bytes after the "
                    + expected + " bytes its dimensions " + Arrays.toString(dims) + " describe");
        }
        return new IdxFile(file, type, dims, b.slice().order(ByteOrder.BIG_ENDIAN));
    }

    private static int width(int type) {
        switch (type) {
            case 0x08: case 0x09: return 1;
            case 0x0B: return 2;
            case 0x0C: case 0x0D: return 4;
            case 0x0E: return 8;
            default: return 0;
        }
    }

    public Path file() {
        return file;
    }

    /** The type code (0x08 for MNIST). */
    public int type() {
        return type;
    }

    /** The dimension sizes (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of values. */
    public int count() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** Value {@code i} (C order) as a double. */
    public double get(int i) {
        switch (type) {
            case 0x08: return data.get(i) & 0xff;
            case 0x09: return data.get(i);
            case 0x0B: return data.getShort(2 * i);
            case 0x0C: return data.getInt(4 * i);
            case 0x0D: return data.getFloat(4 * i);
            default: return data.getDouble(8 * i);
        }
    }

    /** Checks the type code and the number of dimensions, naming the file and what it holds. */
    public IdxFile require(int expectedType, int expectedRank, String what) {
        if (type != expectedType || dims.length != expectedRank) {
            int magic = (type << 8) | dims.length;
            throw new ConexException("IDX file " + file + " holds type 0x" + String.format("%02X", type) + " with "
                    + dims.length + " dimension(s) (magic " + magic + "); expected " + what + ": type 0x"
                    + String.format("%02X", expectedType) + " with " + expectedRank + " (magic "
                    + ((expectedType << 8) | expectedRank) + ")");
        }
        return this;
    }
}
