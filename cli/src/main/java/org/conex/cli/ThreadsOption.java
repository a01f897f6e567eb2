package org.conex.cli;

import org.conex.runtime.KernelThreadPool;

/** The {@code --threads N} option of {@code run} and {@code bench}: kernel threads, 1 to 64. */
final class ThreadsOption {
    private ThreadsOption() {
    }

    /** The message for an out-of-range value, or null if {@code threads} is absent or valid. */
    static String problem(Integer threads) {
        if (threads == null || threads >= 1 && threads <= KernelThreadPool.MAX_THREADS) {
            return null;
        }
        return "--threads expects 1 to " + KernelThreadPool.MAX_THREADS + ", found " + threads;
    }

    /** The thread count to use: the option's value, or one per available processor (at most 8). */
    static int count(Integer threads) {
        return KernelThreadPool.threadsFor(threads == null ? 0 : threads);
    }
}
