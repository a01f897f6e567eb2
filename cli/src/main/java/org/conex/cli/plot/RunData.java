package org.conex.cli.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.conex.runtime.recording.NpyHeader;
import org.conex.runtime.recording.NpyType;

/**
 * The recordings of a run folder, read through {@code recordings/index.json}: only the rows the
 * index (and each file's header) declares, so a folder of a crashed or running run reads fine.
 * Large recordings are thinned to a point budget for plotting.
 */
public final class RunData {
    /**
     * One recorded file.
     *
     * @param file      file name in recordings/
     * @param target    recorded object
     * @param variable  variable name
     * @param events    events file ({@code (step, index)} rows) or dense
     * @param rows      rows on disk
     * @param rowShape  shape of one dense row
     * @param every     sampling interval in steps
     * @param firstStep step of row 0 (dense)
     * @param neurons   recorded neuron indices, or null for all
     * @param srcShape  depth, height, width of a synapse group's source group, or null
     * @param groupSize number of neurons of a recorded neuron group, or 0
     */
    public record Series(String file, String target, String variable, boolean events, long rows, long[] rowShape,
                         long every, long firstStep, int[] neurons, int[] srcShape, long groupSize) {
        /** Elements per dense row. */
        public long rowLength() {
            long n = 1;
            for (long d : rowShape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path dir;
    private final String name;
    private final double dt;
    private final List<Series> series = new ArrayList<>();

    private RunData(Path dir, String name, double dt) {
        this.dir = dir;
        this.name = name;
        this.dt = dt;
    }

    /**
     * Opens a run folder.
     *
     * @throws IOException if it has no recordings index
     */
    public static RunData open(Path run) throws IOException {
        Path index = run.resolve("recordings").resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new IOException(run + " is not a run folder with recordings (no recordings/index.json)");
        }
        ObjectMapper m = new ObjectMapper();
        double dt = 1.0;
        String name = String.valueOf(run.toAbsolutePath().normalize().getFileName());
        Path resolved = run.resolve("model.resolved.json");
        if (Files.isRegularFile(resolved)) {
            JsonNode model = m.readTree(resolved.toFile());
            dt = model.path("network").path("dt").asDouble(1.0);
        }
        RunData d = new RunData(run.resolve("recordings"), name, dt);
        for (JsonNode f : m.readTree(index.toFile()).path("files")) {
            JsonNode shape = f.path("shape");
            long[] rowShape = new long[Math.max(0, shape.size() - 1)];
            for (int i = 1; i < shape.size(); i++) {
                rowShape[i - 1] = shape.get(i).asLong();
            }
            int[] neurons = null;
            if (f.has("neurons")) {
                neurons = new int[f.get("neurons").size()];
                for (int i = 0; i < neurons.length; i++) {
                    neurons[i] = f.get("neurons").get(i).asInt();
                }
            }
            d.series.add(new Series(f.path("file").asText(), f.path("target").asText(), f.path("variable").asText(),
                    f.path("kind").asText().equals("events"), f.path("rows").asLong(), rowShape,
                    f.path("every").asLong(1), f.path("first_step").asLong(1), neurons, ints(f.get("src_shape")),
                    size(ints(f.get("group_shape")))));
        }
        return d;
    }

    private static long size(int[] shape) {
        if (shape == null) {
            return 0;
        }
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static int[] ints(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    /** The run's name (its folder name). */
    public String name() {
        return name;
    }

    /** Time step in ms. */
    public double dt() {
        return dt;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /**
     * Event pairs {@code [2][E']} (steps, indices), thinned evenly to at most {@code maxPoints}.
     */
    public long[][] events(Series s, int maxPoints) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(s.file()), StandardOpenOption.READ)) {
            Body b = body(ch, s.rows());
            long n = b.rows;
            int stride = (int) Math.max(1, (n + maxPoints - 1) / maxPoints);
            int m = (int) ((n + stride - 1) / stride);
            long[][] out = new long[2][m];
            for (int k = 0; k < m; k++) {
                long r = (long) k * stride;
                out[0][k] = b.data.getLong((int) (r * 16));
                out[1][k] = b.data.getLong((int) (r * 16 + 8));
            }
            return out;
        }
    }

    /**
     * Dense rows as doubles {@code [rows'][rowLength]}, taking every k-th row so that at most
     * {@code maxRows} remain; {@code steps} receives each kept row's step.
     */
    public double[][] dense(Series s, int maxRows, List<Long> steps) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(s.file()), StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4096);
            ch.read(head, 0);
            head.flip();
            NpyHeader.Parsed p = NpyHeader.parse(head);
            NpyType type = p.header().type();
            Body b = body(ch, s.rows());
            int len = (int) s.rowLength();
            int stride = (int) Math.max(1, (b.rows + maxRows - 1) / maxRows);
            int m = (int) ((b.rows + stride - 1) / stride);
            double[][] out = new double[m][len];
            long rowBytes = (long) len * type.width();
            for (int k = 0; k < m; k++) {
                long r = (long) k * stride;
                steps.add(s.firstStep() + r * s.every());
                int base = (int) (r * rowBytes);
                for (int i = 0; i < len; i++) {
                    out[k][i] = value(b.data, type, base + i * type.width());
                }
            }
            return out;
        }
    }

    /** The last dense row (e.g. final weights). */
    public double[] lastRow(Series s) throws IOException {
        List<Long> steps = new ArrayList<>();
        if (s.rows() == 0) {
            return new double[0];
        }
        double[][] all = dense(s, (int) Math.min(Integer.MAX_VALUE, s.rows()), steps);
        return all[all.length - 1];
    }

    private static double value(ByteBuffer b, NpyType t, int at) {
        switch (t) {
            case FLOAT32: return b.getFloat(at);
            case FLOAT64: return b.getDouble(at);
            case INT64: return b.getLong(at);
            case INT32: return b.getInt(at);
            default: return b.get(at) != 0 ? 1 : 0;
        }
    }

    private record Body(ByteBuffer data, long rows) {
    }

    private static Body body(FileChannel ch, long indexRows) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4096);
        ch.read(head, 0);
        head.flip();
        NpyHeader.Parsed p = NpyHeader.parse(head);
        long rows = Math.min(indexRows, p.header().rows());
        long bytes = rows * p.header().rowBytes();
        if (bytes > Integer.MAX_VALUE) {
            rows = Integer.MAX_VALUE / p.header().rowBytes();
            bytes = rows * p.header().rowBytes();
        }
        ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, p.dataOffset(), bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new Body(data, rows);
    }
}
