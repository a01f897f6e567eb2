package org.conex.helpers.data;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MNIST-style digits from IDX files (plain or gzip): images of unsigned bytes {@code [N, H, W]}
 * (magic 2051) and optionally labels {@code [N]} (magic 2049). Sample i is the image as float32
 * {@code [1, H, W]} with values {@code byte / 255} in [0, 1] (torchvision's ToTensor, which the
 * reference applies) and its label. Both files are read and validated when the dataset is created
 * (wrong magic, truncation, trailing bytes, different sample counts), with errors naming the file;
 * images are decoded on access.
 *
 * <pre>{@code
 * MnistDataset mnist = MnistDataset.read(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"));
 * Sample first = mnist.get(0);         // sensory [1, 28, 28] float32, label 0..9
 * }</pre>
 */
public final class MnistDataset implements DataSource {
    /** Registered as "MNIST": images and labels paths (relative to the model file), optional limit. */
    public static final HelperType TYPE = HelperType.builder("MNIST", HelperKind.DATASET, MnistDataset::create)
            .params(ParamSpec.of("images", ParamKind.STRING).asRequired().doc("IDX image file (.gz or plain)"),
                    ParamSpec.of("labels", ParamKind.STRING).doc("IDX label file; absent: unlabelled samples"),
                    ParamSpec.of("limit", ParamKind.INTEGER).atLeast(1).doc("use only the first samples"))
            .description("MNIST digits from IDX files, pixels scaled to [0, 1]")
            .build();

    private final IdxFile images;
    private final IdxFile labels;
    private final int size;
    private final int height;
    private final int width;

    private MnistDataset(IdxFile images, IdxFile labels, Integer limit) {
        this.images = images.require(IdxFile.UBYTE, 3, "MNIST images");
        this.labels = labels == null ? null : labels.require(IdxFile.UBYTE, 1, "MNIST labels");
        int[] d = images.dims();
        if (labels != null && labels.dims()[0] != d[0]) {
            throw new ConexException("MNIST: " + images.file() + " has " + d[0] + " images but " + labels.file()
                    + " has " + labels.dims()[0] + " labels");
        }
        this.size = limit == null ? d[0] : Math.min(limit, d[0]);
        this.height = d[1];
        this.width = d[2];
    }

    /** Images and labels; {@code labels} may be null. */
    public static MnistDataset read(Path images, Path labels) {
        return new MnistDataset(IdxFile.read(images), labels == null ? null : IdxFile.read(labels), null);
    }

    /**
     * The pair in {@code dir}: {@code images-idx3-ubyte[.gz]} and {@code labels-idx1-ubyte[.gz]}, or
     * the official {@code train-}/{@code t10k-} names when {@code prefix} is "train" or "t10k".
     */
    public static MnistDataset readFolder(Path dir, String prefix) {
        String p = prefix == null || prefix.isEmpty() ? "" : prefix + "-";
        return read(find(dir, p + "images-idx3-ubyte"), find(dir, p + "labels-idx1-ubyte"));
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new ConexException("MNIST: neither " + base + ".gz nor " + base + " exists in " + dir);
    }

    private static MnistDataset create(Params p, HelperContext ctx) {
        IdxFile img = IdxFile.read(ctx.resolve(p.string("images")));
        String l = (String) p.get("labels");
        return new MnistDataset(img, l == null ? null : IdxFile.read(ctx.resolve(l)), (Integer) p.get("limit"));
    }

    @Override
    public int size() {
        return size;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The label of sample {@code i} (0..9 for MNIST). */
    public int label(int i) {
        DataSource.checkIndex(this, i);
        if (labels == null) {
            throw new ConexException("MNIST " + images.file() + " was read without labels");
        }
        return (int) labels.get(i);
    }

    /** The raw pixel value 0..255 of sample {@code i} at (row, col). */
    public int pixel(int i, int row, int col) {
        DataSource.checkIndex(this, i);
        return (int) images.get((i * height + row) * width + col);
    }

    @Override
    public Sample get(int index) {
        DataSource.checkIndex(this, index);
        int n = height * width;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = images.get(index * n + k) / 255.0;
        }
        INDArray img = Tensors.of(DType.FLOAT32, v, 1, height, width);
        return labels == null ? Sample.of(img) : Sample.of(img, label(index));
    }

    @Override
    public String describe() {
        return "MNIST " + images.file().getFileName() + " (" + size + " images " + height + "x" + width + ")";
    }
}
