package org.conex.api.tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Threads that a large per-step kernel may split its work over, inside one behavior's forward.
 *
 * <p>A kernel cuts its work into a fixed number of parts, chosen from the data alone (for
 * {@link RowSums}: ranges of columns), and calls {@link #run(int, Part)}. Each part is run exactly
 * once, by the calling thread or by a helper; the call returns when every part has returned. A
 * part must write only its own outputs, so the result is the same bit for bit whoever runs which
 * part and whatever {@link #count()} is: same seed, same result, whatever the thread count.
 *
 * <p>The network's threads are {@link org.conex.api.model.Network#kernelThreads()} ({@link #SINGLE}
 * unless the launcher or the embedding code sets others). Behaviors never draw random numbers or
 * touch shared state inside a part. Parallelise only work of tens of microseconds or more: handing
 * a part to a helper costs about a microsecond.
 *
 * <p>Implemented by the runtime ({@code org.conex.runtime.KernelThreadPool}) and by tests; plugins
 * only call it.
 */
@ProviderType
public interface KernelThreads {
    /** One part of a kernel's work. */
    @FunctionalInterface
    interface Part {
        /**
         * Runs part {@code part} of {@code parts}.
         *
         * @param part  index of this part, {@code 0 <= part < parts}
         * @param parts the number of parts of this call
         */
        void run(int part, int parts);
    }

    /** The calling thread alone: {@link #run(int, Part)} runs the parts in order, in the caller. */
    KernelThreads SINGLE = new KernelThreads() {
        @Override
        public int count() {
            return 1;
        }

        @Override
        public void run(int parts, Part part) {
            checkParts(parts);
            Throwable[] failures = null;
            for (int p = 0; p < parts; p++) {
                try {
                    part.run(p, parts);
                } catch (RuntimeException | Error e) {
                    failures = failures != null ? failures : new Throwable[parts];
                    failures[p] = e;
                }
            }
            if (failures != null) {
                rethrow(failures, parts);
            }
        }

        @Override
        public String toString() {
            return "KernelThreads.SINGLE";
        }
    };

    /** The number of threads that may run parts at once, the caller included (at least 1). */
    int count();

    /**
     * Runs {@code part.run(p, parts)} for every {@code p} in {@code [0, parts)}, each exactly once,
     * and returns when all have returned. Every part runs even when another one fails; then the
     * failure of the lowest-numbered failing part is rethrown here, with those of later parts
     * added as suppressed ({@link #rethrow}), so the same exception comes out for every thread
     * count. What the caller wrote before the call happens-before every
     * part, and what every part wrote happens-before the call returns (so parts may read fields
     * the caller set, and the caller may read what the parts wrote, without further
     * synchronisation).
     *
     * @param parts how many parts, 1 to {@link #MAX_PARTS}
     * @param part  the work of one part
     * @throws IllegalArgumentException if {@code parts} is out of range
     */
    void run(int parts, Part part);

    /** The most parts one call may have. */
    int MAX_PARTS = 1 << 12;

    /**
     * Throws the failure of the lowest-numbered part in {@code failures[0 .. parts)}, with the later
     * ones added to it as suppressed, as {@link #run(int, Part)} specifies (for implementations);
     * returns if there is none. Unchecked exceptions and errors are thrown as they are, anything
     * else wrapped in an {@link IllegalStateException}.
     *
     * @param failures what each part threw, null where it returned
     */
    static void rethrow(Throwable[] failures, int parts) {
        Throwable first = null;
        for (int p = 0; p < parts; p++) {
            Throwable t = failures[p];
            if (t == null || t == first) {
                continue;
            }
            if (first == null) {
                first = t;
            } else {
                first.addSuppressed(t);
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /**
     * Checks the part count of a {@link #run(int, Part)} call (for implementations).
     *
     * @throws IllegalArgumentException unless {@code 1 <= parts <= MAX_PARTS}
     */
    static void checkParts(int parts) {
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("parts must be 1.." + MAX_PARTS + ", found " + parts);
        }
    }
}
