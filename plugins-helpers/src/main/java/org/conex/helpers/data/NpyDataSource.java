package org.conex.helpers.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.behavior.Params;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.helper.Sample;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;

/**
 * Samples from NumPy files: {@code data.npy} of shape {@code [N, ...]} (sample i is slice i as
 * float32, multiplied by {@code scale}: use 1/255 for 8-bit images) and optionally
 * {@code labels.npy} of N integers. Both files are validated when the source is created.
 *
 * <pre>{@code
 * DataSource faces = NpyDataSource.read(Path.of("faces.npy"), Path.of("ids.npy"), 1 / 255.0);
 * }</pre>
 */
public final class NpyDataSource implements DataSource {
    /** Registered as "NpyDataset": data and labels paths, scale. */
    public static final HelperType TYPE = HelperType.builder("NpyDataset", HelperKind.DATASET, NpyDataSource::create)
            .params(ParamSpec.of("data", ParamKind.STRING).asRequired().doc(".npy file [N, ...]"),
                    ParamSpec.of("labels", ParamKind.STRING).doc(".npy file of N integer labels"),
                    ParamSpec.of("scale", ParamKind.NUMBER).withDefault(1.0).doc("factor applied to every value"))
            .description("samples from NumPy .npy files")
            .build();

    private final NpyFile data;
    private final long[] labels;
    private final double scale;
    private final long[] sampleShape;
    private final int sampleSize;

    private NpyDataSource(NpyFile data, NpyFile labels, double scale) {
        long[] s = data.shape();
        if (s.length < 1) {
            throw new ConexException("NPY data " + data.file() + " is a scalar; expected [N, ...] with a sample axis");
        }
        this.data = data;
        this.scale = scale;
        this.sampleShape = Arrays.copyOfRange(s, 1, s.length);
        this.sampleSize = s[0] == 0 ? 0 : data.count() / (int) s[0];
        if (labels != null) {
            long[] ls = labels.shape();
            if (ls.length != 1 || ls[0] != s[0] || !labels.isIntegral()) {
                throw new ConexException("NPY labels " + labels.file() + " have shape " + Arrays.toString(ls)
                        + (labels.isIntegral() ? "" : " and a floating type") + "; expected " + s[0]
                        + " integers, one per sample of " + data.file());
            }
            this.labels = new long[(int) ls[0]];
            for (int i = 0; i < this.labels.length; i++) {
                this.labels[i] = (long) labels.get(i);
            }
        } else {
            this.labels = null;
        }
    }

    /** Data and optional labels ({@code labels} may be null). */
    public static NpyDataSource read(Path data, Path labels, double scale) {
        return new NpyDataSource(NpyFile.read(data), labels == null ? null : NpyFile.read(labels), scale);
    }

    private static NpyDataSource create(Params p, HelperContext ctx) {
        String l = (String) p.get("labels");
        return read(ctx.resolve(p.string("data")), l == null ? null : ctx.resolve(l), p.number("scale"));
    }

    @Override
    public int size() {
        return (int) data.shape()[0];
    }

    @Override
    public Sample get(int index) {
        DataSource.checkIndex(this, index);
        double[] v = new double[sampleSize];
        for (int k = 0; k < sampleSize; k++) {
            v[k] = data.get(index * sampleSize + k) * scale;
        }
        Sample s = Sample.of(Tensors.of(DType.FLOAT32, v, sampleShape));
        return labels == null ? s : s.withLabel(labels[index]);
    }

    @Override
    public String describe() {
        return "NPY " + data.file().getFileName() + " " + Arrays.toString(data.shape());
    }
}
