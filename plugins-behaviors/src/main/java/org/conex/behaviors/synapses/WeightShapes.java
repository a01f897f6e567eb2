package org.conex.behaviors.synapses;

import java.util.Arrays;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;

/**
 * Shape rules of synapse weights (spec behaviors.md 4.3, "Shapes each consumer expects"), shared by
 * WeightInitializer and the normalisation behaviors. Methods return a problem description, or
 * null when the shape fits; callers turn problems into errors naming themselves.
 *
 * <table>
 *   <caption>weight shapes by rank</caption>
 *   <tr><th>rank</th><th>consumer</th><th>shape</th></tr>
 *   <tr><td>1</td><td>One2One</td><td>{@code [N]}, N_src == N_dst == N</td></tr>
 *   <tr><td>2</td><td>Simple, Sparse</td><td>{@code matrixShape()} = {@code [N_src, N_dst]} (SxD)</td></tr>
 *   <tr><td>3</td><td>Local2d</td><td>{@code [C_out, H_out*W_out, C_in*k_h*k_w]}, C_out = dst depth,
 *       C_out*H_out*W_out = N_dst</td></tr>
 *   <tr><td>4</td><td>Conv2d</td><td>{@code [C_out, C_in, k_h, k_w]}, C_out = dst depth, C_in = src depth</td></tr>
 *   <tr><td>5</td><td>Lateral</td><td>{@code [1, 1, k_d, k_h, k_w]}, src == dst</td></tr>
 * </table>
 */
final class WeightShapes {
    private WeightShapes() {
    }

    /**
     * The dense weight shape implied by a kernel shape: a 6-entry local kernel
     * {@code [out_ch, out_h, out_w, in_ch, kh, kw]} gives {@code [out_ch, out_h*out_w, in_ch*kh*kw]};
     * a 4-entry conv kernel {@code [out, in, kh, kw]} is the weight shape itself.
     *
     * @return the shape, or null if the kernel shape has another length (see {@link #kernelProblem})
     */
    static long[] fromKernel(int[] k) {
        if (k.length == 6) {
            return new long[] {k[0], (long) k[1] * k[2], (long) k[3] * k[4] * k[5]};
        }
        if (k.length == 4) {
            return new long[] {k[0], k[1], k[2], k[3]};
        }
        return null;
    }

    /** A problem with a kernel shape (wrong length or non-positive entry), or null. */
    static String kernelProblem(int[] k) {
        if (k.length != 4 && k.length != 6) {
            return "parameter 'kernel_shape' must have 4 entries [out_ch, in_ch, kh, kw] (conv) or 6 entries "
                    + "[out_ch, out_h, out_w, in_ch, kh, kw] (local), found " + Arrays.toString(k);
        }
        for (int d : k) {
            if (d < 1) {
                return "parameter 'kernel_shape' entries must be >= 1, found " + Arrays.toString(k);
            }
        }
        return null;
    }

    /** A problem with a shape's entries (non-positive), or null. */
    static String entriesProblem(String param, int[] shape) {
        if (shape.length == 0) {
            return "parameter '" + param + "' must not be empty";
        }
        for (int d : shape) {
            if (d < 1) {
                return "parameter '" + param + "' entries must be >= 1, found " + Arrays.toString(shape);
            }
        }
        return null;
    }

    /** Number of elements of a shape (as long, may exceed int). */
    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * A description of why dense weights of {@code shape} cannot connect the synapse's groups, or
     * null if they fit (see the class table). {@code kernel} (may be null) must agree with a 3-D
     * or 4-D shape.
     */
    static String misfit(SynapseGroup s, long[] shape, int[] kernel) {
        int nSrc = s.src().size();
        int nDst = s.dst().size();
        NeuronShape src = s.src().shape();
        NeuronShape dst = s.dst().shape();
        String found = "weights of shape " + Arrays.toString(shape);
        switch (shape.length) {
            case 1:
                if (shape[0] != nDst || nSrc != nDst) {
                    return found + " (one-to-one) need N_src == N_dst == " + shape[0] + ", but '" + s.src().tag()
                            + "' has " + nSrc + " and '" + s.dst().tag() + "' has " + nDst + " neurons";
                }
                break;
            case 2: {
                long[] m = s.matrixShape();
                if (shape[0] != m[0] || shape[1] != m[1]) {
                    return found + " do not fit: a dense matrix of this synapse must be " + Arrays.toString(m) + " ("
                            + (s.network().synapseMode() + " mode: '" + s.src().tag() + "' has " + nSrc + ", '"
                            + s.dst().tag() + "' has " + nDst + " neurons)");
                }
                break;
            }
            case 3:
                if (shape[0] != dst.depth() || shape[0] * shape[1] != nDst) {
                    return found + " (local [C_out, H_out*W_out, C_in*kh*kw]) do not fit destination '"
                            + s.dst().tag() + "' of shape " + dst + ": expected C_out = " + dst.depth()
                            + " and C_out*H_out*W_out = " + nDst;
                }
                if (kernel != null && !Arrays.equals(fromKernel(kernel), shape)) {
                    return found + " do not match kernel_shape " + Arrays.toString(kernel) + ", which gives "
                            + Arrays.toString(fromKernel(kernel));
                }
                if (kernel != null && kernel.length == 6 && kernel[3] != src.depth()) {
                    return "kernel_shape " + Arrays.toString(kernel) + " has in_ch = " + kernel[3] + " but source '"
                            + s.src().tag() + "' has depth " + src.depth();
                }
                break;
            case 4:
                if (shape[0] != dst.depth() || shape[1] != src.depth()) {
                    return found + " (conv [C_out, C_in, kh, kw]) do not fit: C_out must be the depth of '"
                            + s.dst().tag() + "' (" + dst.depth() + ") and C_in the depth of '" + s.src().tag() + "' ("
                            + src.depth() + ")";
                }
                if (kernel != null && !Arrays.equals(fromKernel(kernel), shape)) {
                    return found + " do not match kernel_shape " + Arrays.toString(kernel);
                }
                break;
            case 5:
                if (shape[0] != 1 || shape[1] != 1 || s.src() != s.dst()) {
                    return found + " (lateral [1, 1, kd, kh, kw]) need the two leading sizes 1 and the source "
                            + "group equal to the destination group";
                }
                break;
            default:
                return found + " have rank " + shape.length + "; supported ranks are 1 (one-to-one), 2 (dense), "
                        + "3 (local), 4 (conv) and 5 (lateral)";
        }
        return null;
    }
}
