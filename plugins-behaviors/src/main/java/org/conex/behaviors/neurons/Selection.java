package org.conex.behaviors.neurons;

/** Allocation-free order statistics on a prefix of a {@code double[]} (quickselect). */
final class Selection {
    private Selection() {
    }

    /**
     * The k-th largest of {@code a[0..n)} (k = 1: the maximum). Reorders that prefix. Expected
     * O(n); median-of-three pivots keep sorted inputs fast. NaN values must not occur.
     *
     * @throws IllegalArgumentException unless {@code 1 <= k <= n}
     */
    static double kthLargest(double[] a, int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in 1.." + n + ", found " + k);
        }
        int target = k - 1;
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static double median(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
