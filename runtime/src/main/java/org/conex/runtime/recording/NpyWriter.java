package org.conex.runtime.recording;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams rows into a NumPy {@code .npy} file whose first axis grows while a run goes: memory use is
 * one write buffer, whatever the run length.
 *
 * <p><b>What a reader sees.</b> The header states the number of rows written as of the last
 * {@link #flush()}; data is written and forced to disk before the header is rewritten, so the
 * header never promises rows that are not on disk. After a crash ({@code kill -9}) the file may
 * hold more bytes than the header says: {@code numpy.load} reads exactly the rows in the header and
 * ignores the rest, so every flushed file loads, up to its last flush. The run's
 * {@code recordings/index.json} states the same row counts.
 */
public final class NpyWriter implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final FileChannel ch;
    private final NpyType type;
    private final long[] rowShape;
    private final int headerSize;
    private final long rowBytes;
    private final ByteBuffer buf;
    private long rows;
    private long flushedRows;

    private NpyWriter(Path file, FileChannel ch, NpyType type, long[] rowShape, long rows) {
        this.file = file;
        this.ch = ch;
        this.type = type;
        this.rowShape = rowShape.clone();
        NpyHeader h = new NpyHeader(type, rows, rowShape);
        this.headerSize = h.size();
        this.rowBytes = h.rowBytes();
        this.buf = ByteBuffer.allocateDirect((int) Math.max(BUFFER, rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
        this.rows = rows;
        this.flushedRows = rows;
    }

    /** Creates (or replaces) {@code file} with zero rows of {@code rowShape}. */
    public static NpyWriter create(Path file, NpyType type, long[] rowShape) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
            NpyWriter w = new NpyWriter(file, ch, type, rowShape, 0);
            w.writeHeader();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reopens a file written by this class, keeps its first {@code keepRows} rows and appends after
     * them (resuming a run from a checkpoint).
     *
     * @throws IllegalArgumentException if the file has another type or row shape, or fewer rows
     */
    public static NpyWriter append(Path file, NpyType type, long[] rowShape, long keepRows) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            try {
                ByteBuffer head = ByteBuffer.allocate(4096);
                ch.read(head, 0);
                head.flip();
                NpyHeader.Parsed p = NpyHeader.parse(head);
                NpyHeader h = p.header();
                if (h.type() != type || !java.util.Arrays.equals(h.rowShape(), rowShape)) {
                    throw new IllegalArgumentException(file + " holds " + h.type().descr() + " rows of shape "
                            + java.util.Arrays.toString(h.rowShape()) + ", expected " + type.descr() + " rows of shape "
                            + java.util.Arrays.toString(rowShape));
                }
                if (h.rows() < keepRows) {
                    throw new IllegalArgumentException(file + " has " + h.rows() + " rows, the checkpoint expects "
                            + keepRows);
                }
                NpyWriter w = new NpyWriter(file, ch, type, rowShape, keepRows);
                if (p.dataOffset() != w.headerSize) {
                    throw new IllegalArgumentException(file + " was not written by CoNeX (unexpected header size)");
                }
                ch.truncate(w.headerSize + keepRows * w.rowBytes);
                w.writeHeader();
                return w;
            } catch (RuntimeException | IOException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    public NpyType type() {
        return type;
    }

    /** Shape of one row. */
    public long[] rowShape() {
        return rowShape.clone();
    }

    /** Rows written so far (flushed or not). */
    public long rows() {
        return rows;
    }

    /** Rows on disk and in the header as of the last flush. */
    public long flushedRows() {
        return flushedRows;
    }

    /**
     * The buffer to put one row into: call {@link #beginRow()}, put exactly one row of elements
     * (little-endian), then {@link #endRow()}.
     */
    public ByteBuffer beginRow() {
        if (buf.remaining() < rowBytes) {
            drain();
        }
        return buf;
    }

    /** Completes the row started with {@link #beginRow()}. */
    public void endRow() {
        rows++;
    }

    /** Appends one row given as longs (INT64 files, e.g. event pairs). */
    public void writeLongs(long... values) {
        ByteBuffer b = beginRow();
        for (long v : values) {
            b.putLong(v);
        }
        endRow();
    }

    private void drain() {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                ch.write(buf, ch.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            buf.clear();
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.wrap(new NpyHeader(type, rows, rowShape).bytes());
        while (h.hasRemaining()) {
            ch.write(h, h.position());
        }
    }

    /** Writes buffered rows, forces them to disk, then updates the header's row count. */
    public void flush() {
        drain();
        try {
            ch.force(false);
            writeHeader();
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + file + ": " + e.getMessage(), e);
        }
        flushedRows = rows;
    }

    @Override
    public void close() {
        if (!ch.isOpen()) {
            return;
        }
        try {
            flush();
        } finally {
            try {
                ch.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
