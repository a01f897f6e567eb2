package org.conex.helpers.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conex.api.ConexException;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A NumPy {@code .npy} file (format versions 1, 2 and 3; plain or gzip): the header dictionary is
 * parsed as data (never evaluated) for {@code descr}, {@code fortran_order} and {@code shape}.
 * Supported element types: bool ({@code |b1}), signed and unsigned integers of 1, 2, 4 and 8 bytes,
 * float32 and float64, in either byte order. Fortran-ordered arrays are rejected (save with
 * {@code np.ascontiguousarray}). Errors name the file: bad magic, unsupported type, malformed
 * header, truncated or over-long data.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final Path file;
    private final char kind;
    private final int width;
    private final long[] shape;
    private final ByteBuffer data;

    private NpyFile(Path file, char kind, int width, long[] shape, ByteBuffer data) {
        this.file = file;
        this.kind = kind;
        this.width = width;
        this.shape = shape;
        this.data = data;
    }

    /** Reads and validates {@code file}. */
    public static NpyFile read(Path file) {
        byte[] bytes = DataFiles.readAll(file);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new ConexException("NPY file " + file + " does not start with the magic \\x93NUMPY");
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new ConexException("NPY file " + file + " is truncated inside its header");
            }
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new ConexException("NPY file " + file + " has format version " + major + "; expected 1, 2 or 3");
        }
        if (headerLen < 0 || start + (long) headerLen > bytes.length) {
            throw new ConexException("NPY file " + file + " is truncated: its header needs " + headerLen
                    + " bytes, the file has " + (bytes.length - start) + " after the preamble");
        }
        String header = new String(bytes, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new ConexException("NPY file " + file + " has a header without descr, fortran_order and shape: "
                    + header.strip());
        }
        if (f.group(1).equals("True")) {
            throw new ConexException("NPY file " + file + " is in Fortran order; save it with np.ascontiguousarray");
        }
        char kind = d.group(2).charAt(0);
        int width = Integer.parseInt(d.group(3));
        if (!supported(kind, width)) {
            throw new ConexException("NPY file " + file + " holds elements of type '" + d.group(1) + kind + width
                    + "'; supported: b1, i1/i2/i4/i8, u1/u2/u4/u8, f4, f8");
        }
        long[] shape = parseShape(file, s.group(1));
        long count = 1;
        for (long n : shape) {
            count *= n;
        }
        int dataStart = start + headerLen;
        long found = bytes.length - dataStart;
        if (found != count * width) {
            throw new ConexException("NPY file " + file + (found < count * width ? " is truncated" : " is too long")
                    + ": shape " + Arrays.toString(shape) + " needs " + count * width + " bytes of data, found " + found);
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) found).slice().order(order);
        return new NpyFile(file, kind, width, shape, data);
    }

    private static boolean supported(char kind, int width) {
        switch (kind) {
            case 'b': return width == 1;
            case 'i': case 'u': return width == 1 || width == 2 || width == 4 || width == 8;
            case 'f': return width == 4 || width == 8;
            default: return false;
        }
    }

    private static long[] parseShape(Path file, String text) {
        String[] parts = text.split(",");
        java.util.List<Long> dims = new java.util.ArrayList<>();
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new ConexException("NPY file " + file + " has an invalid shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    public Path file() {
        return file;
    }

    /** The shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** True for integer and bool element types. */
    public boolean isIntegral() {
        return kind != 'f';
    }

    /** Number of elements. */
    public int count() {
        return data.capacity() / width;
    }

    /** Element {@code i} (C order) as a double (64-bit integers above 2^53 lose precision). */
    public double get(int i) {
        int o = i * width;
        switch (kind) {
            case 'b': return data.get(o) != 0 ? 1 : 0;
            case 'u':
                switch (width) {
                    case 1: return data.get(o) & 0xff;
                    case 2: return data.getShort(o) & 0xffff;
                    case 4: return data.getInt(o) & 0xffffffffL;
                    default: return data.getLong(o);
                }
            case 'i':
                switch (width) {
                    case 1: return data.get(o);
                    case 2: return data.getShort(o);
                    case 4: return data.getInt(o);
                    default: return data.getLong(o);
                }
            default:
                return width == 4 ? data.getFloat(o) : data.getDouble(o);
        }
    }

    /** Every element as a floating tensor of {@code dtype} with this file's shape. */
    public INDArray toArray(DType dtype) {
        double[] v = new double[count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = get(i);
        }
        return Tensors.of(dtype, v, shape);
    }

    /**
     * Writes a little-endian version-1 {@code .npy} file of {@code a} (float32 for FLOAT arrays,
     * float64 for DOUBLE, int64 for LONG/INT, bool for BOOL).
     */
    public static void write(Path file, INDArray a) {
        String descr;
        int width;
        switch (a.dataType()) {
            case FLOAT: descr = "<f4"; width = 4; break;
            case DOUBLE: descr = "<f8"; width = 8; break;
            case LONG: case INT: descr = "<i8"; width = 8; break;
            case BOOL: descr = "|b1"; width = 1; break;
            default: throw new ConexException("cannot write a " + a.dataType() + " array as .npy");
        }
        long[] s = a.shape();
        StringBuilder shape = new StringBuilder("(");
        for (long d : s) {
            shape.append(d).append(", ");
        }
        if (s.length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (s.length == 1) {
            shape.setLength(shape.length() - 1);
        }
        shape.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        double[] v = Tensors.toDoubles(a);
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + v.length * width).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double x : v) {
            switch (width) {
                case 1: out.put(x != 0 ? (byte) 1 : 0); break;
                case 4: out.putFloat((float) x); break;
                default:
                    if (descr.equals("<i8")) {
                        out.putLong((long) x);
                    } else {
                        out.putDouble(x);
                    }
            }
        }
        try {
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new ConexException("cannot write " + file + ": " + e, e);
        }
    }
}
