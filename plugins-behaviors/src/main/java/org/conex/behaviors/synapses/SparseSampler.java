package org.conex.behaviors.synapses;

import java.util.Arrays;
import org.conex.api.tensor.RandomStream;

/**
 * Draws {@code k} distinct positions out of {@code total} uniformly without replacement and returns
 * them sorted, in O(k) memory (never O(total)): random draws are sorted, duplicates dropped and
 * the missing number redrawn until k distinct positions remain. When more than half of the
 * positions are wanted, the complement is sampled instead, so the expected number of rounds stays
 * small for every density.
 */
final class SparseSampler {
    private SparseSampler() {
    }

    /**
     * @param total number of positions (may exceed int range, e.g. 100000 x 100000)
     * @param k     positions wanted, {@code 0 <= k <= total}, at most {@link Integer#MAX_VALUE} - 8
     * @return k distinct positions in {@code [0, total)}, ascending
     */
    static long[] sample(long total, int k, RandomStream rng) {
        if (k < 0 || k > total) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct positions out of " + total);
        }
        if (k > total / 2) {
            long[] excluded = distinct(total, Math.toIntExact(total - k), rng);
            long[] out = new long[k];
            int e = 0;
            int w = 0;
            for (long p = 0; p < total; p++) {
                if (e < excluded.length && excluded[e] == p) {
                    e++;
                } else {
                    out[w++] = p;
                }
            }
            return out;
        }
        return distinct(total, k, rng);
    }

    /** Sorted distinct positions by draw, sort, dedupe and redraw (efficient while k <= total/2). */
    private static long[] distinct(long total, int k, RandomStream rng) {
        long[] acc = new long[k];
        for (int i = 0; i < k; i++) {
            acc[i] = draw(total, rng);
        }
        Arrays.sort(acc);
        int m = dedupe(acc, k);
        while (m < k) {
            long[] fresh = new long[k - m];
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = draw(total, rng);
            }
            Arrays.sort(fresh);
            m = mergeFromBack(acc, m, fresh);
        }
        return acc;
    }

    private static long draw(long total, RandomStream rng) {
        return Math.floorMod(rng.nextLong() >>> 1, total);
    }

    /** Removes duplicates of a sorted prefix in place; returns the new length. */
    private static int dedupe(long[] a, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || a[m - 1] != a[i]) {
                a[m++] = a[i];
            }
        }
        return m;
    }

    /**
     * Merges sorted {@code fresh} into the sorted distinct prefix {@code acc[0..m)} (capacity
     * {@code acc.length >= m + fresh.length}), dropping duplicates; the result is moved to the front.
     * Writing from the back never overwrites an unread element of {@code acc}.
     */
    private static int mergeFromBack(long[] acc, int m, long[] fresh) {
        int w = acc.length;
        int i = m - 1;
        int j = fresh.length - 1;
        while (i >= 0 || j >= 0) {
            long v = (j < 0 || i >= 0 && acc[i] > fresh[j]) ? acc[i--] : fresh[j--];
            if (w == acc.length || acc[w] != v) {
                acc[--w] = v;
            }
        }
        int n = acc.length - w;
        System.arraycopy(acc, w, acc, 0, n);
        return n;
    }
}
