package org.conex.runtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.conex.api.tensor.KernelThreads;

/**
 * {@link KernelThreads} with {@code count - 1} helper threads, for the large kernels of a stepping
 * network (set it with {@link org.conex.api.model.Network#setKernelThreads}).
 *
 * <p>The parts of a call are claimed one by one from a shared counter, by the caller and by every
 * helper awake: a helper that is slow to wake (its core busy, its virtual CPU descheduled) simply
 * claims nothing and the caller runs the rest. (One descheduled in the middle of a part holds the
 * call until it runs again; the caller yields while it waits longer than 50 us.) Which thread runs
 * a part never changes what the part computes, so results do not depend on the thread count or on
 * timing. A call of n parts wakes at most n - 1 parked helpers.
 *
 * <p>Per-step kernels are short (tens to hundreds of microseconds) and come every few hundred
 * microseconds, far below what waking a parked thread costs, so a helper that ran out of work spins
 * for {@link #SPIN_NANOS} (2 ms) before it parks: while a simulation steps, helpers stay awake and
 * take a part within about a microsecond; when it stops they sleep. Helpers are daemon threads
 * named {@code conex-kernel-N}; {@link #close()} ends them.
 *
 * <p>One call runs at a time: a call that finds the pool busy (another network stepping on another
 * thread with the same pool) runs all its parts in its own thread. A call from inside a part also
 * runs in the calling thread.
 */
public final class KernelThreadPool implements KernelThreads, AutoCloseable {
    /** How long a helper without work spins before it parks (ns). */
    public static final long SPIN_NANOS = 2_000_000L;
    /** How long a caller spins for the parts of helpers before it yields between checks (ns). */
    static final long YIELD_AFTER_NANOS = 50_000L;
    /** The default thread count's upper bound: the kernels are bound by memory, not by cores. */
    public static final int DEFAULT_MAX_THREADS = 8;
    /** The most threads a pool may have. */
    public static final int MAX_THREADS = 64;

    private final int count;
    private final Thread[] helpers;
    private final ReentrantLock busy = new ReentrantLock();
    /** Generation (high 32 bits), parts (bits 16-31) and next unclaimed part (bits 0-15). */
    private final AtomicLong state = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    /** 1 while helper i is parked or about to park. */
    private final AtomicIntegerArray sleeping;
    /** What each part of the current call threw (each slot written only by its part's runner). */
    private final Throwable[] failures = new Throwable[KernelThreads.MAX_PARTS];
    private volatile boolean failed;
    private volatile boolean closed;
    private volatile Part current;

    /**
     * @param count the threads that run parts, the caller included: 1 to {@link #MAX_THREADS}
     *              (1 starts no helper)
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public KernelThreadPool(int count) {
        if (count < 1 || count > MAX_THREADS) {
            throw new IllegalArgumentException("kernel threads must be 1.." + MAX_THREADS + ", found " + count);
        }
        this.count = count;
        this.helpers = new Thread[count - 1];
        this.sleeping = new AtomicIntegerArray(count - 1);
        for (int i = 0; i < helpers.length; i++) {
            int index = i;
            Thread t = new Thread(() -> helperLoop(index), "conex-kernel-" + (i + 1));
            t.setDaemon(true);
            helpers[i] = t;
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    /**
     * The pool size for a {@code --threads} option: {@code requested} if positive (at most
     * {@link #MAX_THREADS}), else the number of available processors, at most
     * {@link #DEFAULT_MAX_THREADS}.
     */
    public static int threadsFor(int requested) {
        if (requested > 0) {
            return Math.min(requested, MAX_THREADS);
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_THREADS));
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void run(int parts, Part part) {
        KernelThreads.checkParts(parts);
        if (parts == 1 || helpers.length == 0 || closed || isHelper() || busy.isHeldByCurrentThread()
                || !busy.tryLock()) {
            KernelThreads.SINGLE.run(parts, part);
            return;
        }
        try {
            current = part;
            failed = false;
            finished.set(0);
            long gen = (state.get() >>> 32) + 1;
            state.set((gen << 32) | ((long) parts << 16));
            wakeSleepers(parts - 1);
            runParts(part);
            awaitParts(parts);
            current = null;
            if (failed) {
                Throwable[] f = java.util.Arrays.copyOf(failures, parts);
                java.util.Arrays.fill(failures, 0, parts, null);
                KernelThreads.rethrow(f, parts);
            }
        } finally {
            busy.unlock();
        }
    }

    /** Stops the helper threads; later calls run in the caller. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }

    /** The helper threads (for tests and diagnostics). */
    List<Thread> helperThreads() {
        return List.of(helpers);
    }

    @Override
    public String toString() {
        return "KernelThreadPool[" + count + " threads" + (closed ? ", closed" : "") + "]";
    }

    private boolean isHelper() {
        Thread me = Thread.currentThread();
        for (Thread t : helpers) {
            if (t == me) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits for the parts that helpers claimed. It spins, since a part takes microseconds; after
     * {@link #YIELD_AFTER_NANOS} it yields between checks, so that a helper descheduled in the
     * middle of a part gets a core back sooner when the machine is oversubscribed.
     */
    private void awaitParts(int parts) {
        long start = 0;
        for (int spins = 0; finished.get() < parts; spins++) {
            if ((spins & 1023) != 1023) {
                Thread.onSpinWait();
            } else if (start == 0) {
                start = System.nanoTime();
            } else if (System.nanoTime() - start > YIELD_AFTER_NANOS) {
                Thread.yield();
            }
        }
    }

    /** Unparks up to {@code wanted} sleeping helpers (a call of n parts needs at most n - 1). */
    private void wakeSleepers(int wanted) {
        for (int i = 0; i < helpers.length && wanted > 0; i++) {
            if (sleeping.get(i) != 0) {
                LockSupport.unpark(helpers[i]);
                wanted--;
            }
        }
    }

    /** Claims and runs parts of the current call until none is left; true if it ran any. */
    private boolean runParts(Part part) {
        boolean ran = false;
        while (true) {
            long s = state.get();
            int next = (int) (s & 0xFFFF);
            int parts = (int) ((s >>> 16) & 0xFFFF);
            if (next >= parts) {
                return ran;
            }
            if (!state.compareAndSet(s, s + 1)) {
                continue;
            }
            Part p = part != null ? part : current;
            try {
                p.run(next, parts);
            } catch (Throwable t) {
                failures[next] = t;
                failed = true;
            } finally {
                finished.incrementAndGet();
            }
            ran = true;
        }
    }

    private void helperLoop(int index) {
        long idleSince = System.nanoTime();
        while (!closed) {
            if (runParts(null)) {
                idleSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            sleeping.set(index, 1);
            // Checked again after announcing the sleep: a caller that published work before seeing
            // the flag is caught here; one that published after sees the flag and unparks.
            if (!hasWork() && !closed) {
                LockSupport.park(this);
            }
            sleeping.set(index, 0);
            idleSince = System.nanoTime();
        }
    }

    private boolean hasWork() {
        long s = state.get();
        return (s & 0xFFFF) < ((s >>> 16) & 0xFFFF);
    }
}
