package org.conex.helpers.transforms;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.helper.HelperKind;
import org.conex.api.helper.HelperType;
import org.conex.api.helper.TensorTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape transforms of CoNeX's {@code transforms.misc} (behaviors.md 6.6), each a
 * {@link TensorTransform} returning a new contiguous C-order array (the input is never shared or
 * modified). Axes may be negative (counted from the end).
 * <ul>
 * <li>{@link #unsqueeze(int)}: insert a length-1 axis at {@code dim} ({@code [28, 28]} to
 *     {@code [1, 28, 28]} with dim 0);</li>
 * <li>{@link #squeeze(Integer)}: remove the length-1 axis at {@code dim}, a no-op if that axis is
 *     not of length 1; {@code null} removes every length-1 axis;</li>
 * <li>{@link #swap(int, int)}: exchange two axes;</li>
 * <li>{@link #device(String)}: CoNeX's DeviceTransform, the identity here (one device).</li>
 * </ul>
 */
public final class ShapeTransforms {
    /** "UnsqueezeTransform": dim. */
    public static final HelperType UNSQUEEZE = HelperType.builder("UnsqueezeTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> unsqueeze(p.integer("dim")))
            .param(ParamSpec.of("dim", ParamKind.INTEGER).asRequired().doc("position of the new axis"))
            .description("inserts a length-1 axis").build();
    /** "SqueezeTransform": dim (absent: every length-1 axis). */
    public static final HelperType SQUEEZE = HelperType.builder("SqueezeTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> squeeze((Integer) p.get("dim")))
            .param(ParamSpec.of("dim", ParamKind.INTEGER).doc("axis to remove if it has length 1; absent: all such axes"))
            .description("removes a length-1 axis").build();
    /** "SwapTransform": axis1, axis2. */
    public static final HelperType SWAP = HelperType.builder("SwapTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> swap(p.integer("axis1"), p.integer("axis2")))
            .params(ParamSpec.of("axis1", ParamKind.INTEGER).asRequired(),
                    ParamSpec.of("axis2", ParamKind.INTEGER).asRequired())
            .description("exchanges two axes").build();
    /** "DeviceTransform": device (ignored). */
    public static final HelperType DEVICE = HelperType.builder("DeviceTransform", HelperKind.TRANSFORM,
                    (p, ctx) -> device(p.string("device")))
            .param(ParamSpec.of("device", ParamKind.STRING).withDefault("cpu").doc("ignored: one device"))
            .description("identity (the reference moves data between torch devices)").build();

    private ShapeTransforms() {
    }

    public static TensorTransform unsqueeze(int dim) {
        return new Named("UnsqueezeTransform(" + dim + ")", x -> {
            long[] s = x.shape();
            int d = Axes.normalize("UnsqueezeTransform", dim, s, 1);
            long[] t = new long[s.length + 1];
            for (int i = 0, j = 0; i < t.length; i++) {
                t[i] = i == d ? 1 : s[j++];
            }
            return x.dup('c').reshape('c', t);
        });
    }

    /** @param dim the axis, or null for every length-1 axis */
    public static TensorTransform squeeze(Integer dim) {
        return new Named("SqueezeTransform(" + (dim == null ? "all" : dim) + ")", x -> {
            long[] s = x.shape();
            List<Long> keep = new ArrayList<>();
            int d = dim == null ? -1 : Axes.normalize("SqueezeTransform", dim, s, 0);
            for (int i = 0; i < s.length; i++) {
                boolean drop = s[i] == 1 && (dim == null || i == d);
                if (!drop) {
                    keep.add(s[i]);
                }
            }
            long[] t = keep.stream().mapToLong(Long::longValue).toArray();
            return x.dup('c').reshape('c', t);
        });
    }

    public static TensorTransform swap(int axis1, int axis2) {
        return new Named("SwapTransform(" + axis1 + ", " + axis2 + ")", x -> {
            int a = Axes.normalize("SwapTransform", axis1, x.shape(), 0);
            int b = Axes.normalize("SwapTransform", axis2, x.shape(), 0);
            int[] perm = new int[x.rank()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            perm[a] = b;
            perm[b] = a;
            INDArray p = x.permute(perm);
            return p.dup('c');
        });
    }

    /** The identity (the device name is accepted and ignored). */
    public static TensorTransform device(String device) {
        return new Named("DeviceTransform(" + device + ")", x -> x);
    }
}
