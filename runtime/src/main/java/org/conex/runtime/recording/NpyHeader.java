package org.conex.runtime.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0: the magic {@code \x93NUMPY}, the
 * version, a little-endian header length and a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (T, N), }} padded with spaces to a
 * multiple of 64 bytes. Streaming writers reserve room for a 19-digit row count, so the header can
 * be rewritten in place as rows are added without moving the data.
 *
 * @param type     element type
 * @param rows     length of the first axis
 * @param rowShape shape of one row (empty for a scalar per row)
 */
public record NpyHeader(NpyType type, long rows, long[] rowShape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\) *, *\\}");

    public NpyHeader {
        rowShape = rowShape.clone();
    }

    @Override
    public long[] rowShape() {
        return rowShape.clone();
    }

    /** Elements in one row. */
    public long rowLength() {
        long n = 1;
        for (long d : rowShape) {
            n *= d;
        }
        return n;
    }

    /** Bytes of one row. */
    public long rowBytes() {
        return rowLength() * type.width();
    }

    /** Total header size in bytes (a multiple of 64) with room for any row count. */
    public int size() {
        int total = 10 + dict(Long.MAX_VALUE).length() + 1;
        return (total + 63) / 64 * 64;
    }

    /** The header bytes for the current row count, exactly {@link #size()} long. */
    public byte[] bytes() {
        return pad(dict(rows), size());
    }

    private String dict(long r) {
        StringBuilder shape = new StringBuilder().append(r);
        if (rowShape.length == 0) {
            shape.append(',');
        }
        for (long d : rowShape) {
            shape.append(", ").append(d);
        }
        return "{'descr': '" + type.descr() + "', 'fortran_order': False, 'shape': (" + shape + "), }";
    }

    private static byte[] pad(String dict, int total) {
        int hlen = total - 10;
        StringBuilder sb = new StringBuilder(dict);
        while (sb.length() < hlen - 1) {
            sb.append(' ');
        }
        sb.append('\n');
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) hlen);
        b.put(sb.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /**
     * Parses a version 1.0 or 2.0 header from the start of a file.
     *
     * @return the header and, through {@link #size()} of the parsed text, where the data starts
     * @throws IllegalArgumentException if the bytes are not a supported .npy header
     */
    public static Parsed parse(ByteBuffer in) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.remaining() < 1 || b.get() != m) {
                throw new IllegalArgumentException("not a .npy file (bad magic)");
            }
        }
        int major = b.get();
        b.get();
        int hlen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] text = new byte[hlen];
        b.get(text);
        String dict = new String(text, StandardCharsets.US_ASCII).strip();
        Matcher m = DICT.matcher(dict);
        if (!m.matches()) {
            throw new IllegalArgumentException("unsupported .npy header: " + dict);
        }
        if (m.group(2).equals("True")) {
            throw new IllegalArgumentException("Fortran-order .npy files are not supported");
        }
        String[] dims = m.group(3).split(",");
        java.util.List<Long> shape = new java.util.ArrayList<>();
        for (String d : dims) {
            if (!d.isBlank()) {
                shape.add(Long.parseLong(d.strip()));
            }
        }
        long rows = shape.isEmpty() ? 1 : shape.get(0);
        long[] rest = new long[Math.max(0, shape.size() - 1)];
        for (int i = 1; i < shape.size(); i++) {
            rest[i - 1] = shape.get(i);
        }
        return new Parsed(new NpyHeader(NpyType.ofDescr(m.group(1)), rows, rest), b.position(), shape.isEmpty());
    }

    /**
     * A parsed header.
     *
     * @param header     the header (a 0-d array reads as one row of shape [])
     * @param dataOffset where the data starts
     * @param scalar     whether the file holds a 0-d array
     */
    public record Parsed(NpyHeader header, int dataOffset, boolean scalar) {
    }
}
