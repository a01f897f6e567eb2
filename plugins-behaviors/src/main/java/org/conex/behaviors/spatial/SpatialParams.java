package org.conex.behaviors.spatial;

import java.util.Arrays;
import org.conex.api.behavior.ParamKind;
import org.conex.api.behavior.ParamSpec;
import org.conex.api.model.SynapseGroup;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters and synapse variables shared by the spatial connections: {@code stride} and
 * {@code padding} (an int or a pair {@code (vertical, horizontal)}, as torch accepts), which the
 * Conv2d and Local2d inputs store on the synapse as {@code int[2]} for their learning rules, and
 * the Local2d {@code kernel_shape} written by WeightInitializer.
 */
public final class SpatialParams {
    /** Synapse variable holding the stride pair, written by Conv2d/Local2d inputs. */
    public static final String STRIDE = "stride";
    /** Synapse variable holding the padding pair, written by Conv2d/Local2d inputs. */
    public static final String PADDING = "padding";
    /** Synapse variable holding WeightInitializer's kernel_shape (int[]). */
    public static final String KERNEL_SHAPE = "kernel_shape";

    private SpatialParams() {
    }

    /** {@code stride}: an int or [vertical, horizontal], each &gt;= 1; default 1. */
    public static ParamSpec strideSpec() {
        return ParamSpec.of(STRIDE, ParamKind.INTS).withDefault(new int[] {1})
                .doc("window step in neurons: an int or [vertical, horizontal]");
    }

    /** {@code padding}: an int or [vertical, horizontal], each &gt;= 0; default 0. */
    public static ParamSpec paddingSpec() {
        return ParamSpec.of(PADDING, ParamKind.INTS).withDefault(new int[] {0})
                .doc("zero rows/columns added on both sides: an int or [vertical, horizontal]");
    }

    /**
     * An int-or-pair parameter as a pair.
     *
     * @param min smallest allowed entry
     * @throws IllegalArgumentException if it has neither 1 nor 2 entries or an entry below {@code min}
     */
    public static int[] pair(String name, int[] raw, int min) {
        int[] p;
        if (raw.length == 1) {
            p = new int[] {raw[0], raw[0]};
        } else if (raw.length == 2) {
            p = raw.clone();
        } else {
            throw new IllegalArgumentException("parameter '" + name + "' must be an int or a pair [vertical, horizontal], "
                    + "found " + Arrays.toString(raw));
        }
        if (p[0] < min || p[1] < min) {
            throw new IllegalArgumentException("parameter '" + name + "' entries must be >= " + min + ", found "
                    + Arrays.toString(raw));
        }
        return p;
    }

    /**
     * A pair stored on the synapse by a Conv2d/Local2d input, or null if absent.
     *
     * @throws IllegalArgumentException if the variable is not an int pair
     */
    public static int[] storedPair(SynapseGroup s, String name) {
        Object v = s.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof int[] && ((int[]) v).length == 2) {
            return ((int[]) v).clone();
        }
        throw new IllegalArgumentException("synapse variable '" + name + "' must be an int pair, found " + describe(v));
    }

    /**
     * The window geometry of a synapse whose Conv2d/Local2d input stored {@code stride} and
     * {@code padding}: kernel {@code kh x kw} over the source group's shape.
     *
     * @param input the input behavior that must be present, for the message
     * @throws IllegalArgumentException if the pairs are missing (no such input, or it is ordered
     *                                  after the caller) or the kernel does not fit
     */
    public static ConvGeometry storedGeometry(SynapseGroup s, int kh, int kw, String input) {
        int[] stride = storedPair(s, STRIDE);
        int[] padding = storedPair(s, PADDING);
        if (stride == null || padding == null) {
            throw new IllegalArgumentException("needs synapse.stride and synapse.padding, which a " + input
                    + " on the same synapse sets at initialization (priority 180); none was found");
        }
        return ConvGeometry.of(s.src().shape(), kh, kw, stride, padding);
    }

    /** A short description of a synapse variable's value for messages. */
    public static String describe(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof INDArray) {
            INDArray a = (INDArray) v;
            return a.dataType() + " " + Arrays.toString(a.shape());
        }
        if (v instanceof int[]) {
            return Arrays.toString((int[]) v);
        }
        return v.getClass().getSimpleName();
    }
}
