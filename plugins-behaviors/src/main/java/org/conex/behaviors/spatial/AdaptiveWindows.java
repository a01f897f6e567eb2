package org.conex.behaviors.spatial;

/**
 * The windows of adaptive average pooling (torch {@code adaptive_avg_pool2d}) along one axis: output
 * index {@code i} of {@code out} averages input indices {@code floor(i*in/out)} (inclusive) to
 * {@code ceil((i+1)*in/out)} (exclusive). Windows overlap when {@code out} does not divide
 * {@code in} (5 to 2: [0,3) and [2,5)) and repeat inputs when {@code out > in}.
 */
public final class AdaptiveWindows {
    private final int[] start;
    private final int[] end;
    private final int[][] covering;

    /**
     * @param in  input length (&gt;= 1)
     * @param out output length (&gt;= 1)
     */
    public AdaptiveWindows(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("pooling sizes must be >= 1, found " + in + " -> " + out);
        }
        start = new int[out];
        end = new int[out];
        int[] count = new int[in];
        for (int i = 0; i < out; i++) {
            start[i] = (int) ((long) i * in / out);
            end[i] = (int) (((long) (i + 1) * in + out - 1) / out);
            for (int y = start[i]; y < end[i]; y++) {
                count[y]++;
            }
        }
        covering = new int[in][];
        for (int y = 0; y < in; y++) {
            covering[y] = new int[count[y]];
        }
        int[] fill = new int[in];
        for (int i = 0; i < out; i++) {
            for (int y = start[i]; y < end[i]; y++) {
                covering[y][fill[y]++] = i;
            }
        }
    }

    /** Number of output positions. */
    public int size() {
        return start.length;
    }

    /** First input index of window i. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last input index of window i. */
    public int end(int i) {
        return end[i];
    }

    /** Length of window i. */
    public int length(int i) {
        return end[i] - start[i];
    }

    /** The output positions whose window contains input index y, ascending (do not modify). */
    public int[] covering(int y) {
        return covering[y];
    }
}
