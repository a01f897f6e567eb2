package org.conex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.conex.api.tensor.KernelThreads;
import org.junit.jupiter.api.Test;

/** The helper threads of the large kernels: each part exactly once, failures, concurrency, close. */
class KernelThreadPoolTest {
    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPartRunsExactlyOnceAndTheCallReturnsAfterTheLast() {
        try (KernelThreadPool pool = new KernelThreadPool(3)) {
            for (int call = 0; call < 2000; call++) {
                int parts = 1 + call % 17;
                AtomicIntegerArray ran = new AtomicIntegerArray(parts);
                boolean slow = call % 100 == 0;
                pool.run(parts, (p, n) -> {
                    assertEquals(parts, n);
                    if (slow) {
                        sleep(2);
                    }
                    ran.incrementAndGet(p);
                });
                for (int p = 0; p < parts; p++) {
                    assertEquals(1, ran.get(p), "call " + call + ", part " + p);
                }
            }
        }
    }

    @Test
    void helpersTakePartsAndWakeUpAfterSleeping() {
        try (KernelThreadPool pool = new KernelThreadPool(2)) {
            assertTrue(helperRanAPart(pool), "a spinning helper takes the second part of a slow call");
            sleep(20 * KernelThreadPool.SPIN_NANOS / 1_000_000); // the helper parks after 2 ms without work
            assertTrue(helperRanAPart(pool), "a parked helper is woken by the next call");
        }
    }

    /**
     * Whether a helper ran one of two 20 ms parts within 20 calls: the caller takes part 0 and is
     * busy for 20 ms, so only a helper that never got a core in that time would miss part 1.
     */
    private static boolean helperRanAPart(KernelThreadPool pool) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Set<String> names = ConcurrentHashMap.newKeySet();
            pool.run(2, (p, n) -> {
                names.add(Thread.currentThread().getName());
                sleep(20);
            });
            if (names.contains("conex-kernel-1")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersFinishedAndThePoolGoesOn() {
        try (KernelThreadPool pool = new KernelThreadPool(3)) {
            AtomicIntegerArray ran = new AtomicIntegerArray(6);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(6, (p, n) -> {
                if (p == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
                sleep(5);
                ran.incrementAndGet(p);
            }));
            assertEquals("part 1 failed", e.getMessage());
            for (int p : new int[] {0, 2, 3, 4, 5}) {
                assertEquals(1, ran.get(p), "part " + p + " finished before the call returned");
            }
            AssertionError error = new AssertionError("an error");
            assertSame(error, assertThrows(AssertionError.class, () -> pool.run(4, (p, n) -> {
                if (p == 3) {
                    throw error;
                }
            })));
            for (int call = 0; call < 50; call++) {
                // whichever thread fails first in time, the lowest failing part's exception comes out
                IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> pool.run(5, (p, n) -> {
                    if (p == 1 || p == 4) {
                        sleep(p == 1 ? 1 : 0);
                        throw new IllegalArgumentException("part " + p);
                    }
                }));
                assertEquals("part 1", first.getMessage());
                assertEquals(1, first.getSuppressed().length);
                assertEquals("part 4", first.getSuppressed()[0].getMessage());
            }
            AtomicIntegerArray after = new AtomicIntegerArray(4);
            pool.run(4, (p, n) -> after.incrementAndGet(p));
            for (int p = 0; p < 4; p++) {
                assertEquals(1, after.get(p), "the pool still runs every part after failures");
            }
        }
    }

    @Test
    void concurrentCallersOnOnePoolEachGetAllTheirParts() throws InterruptedException {
        try (KernelThreadPool pool = new KernelThreadPool(2)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Thread t = new Thread(() -> {
                    for (int call = 0; call < 500; call++) {
                        AtomicIntegerArray ran = new AtomicIntegerArray(5);
                        pool.run(5, (p, n) -> ran.incrementAndGet(p));
                        for (int p = 0; p < 5; p++) {
                            if (ran.get(p) != 1) {
                                throw new AssertionError("call " + call + ": part " + p + " ran " + ran.get(p) + " times");
                            }
                        }
                    }
                });
                t.setUncaughtExceptionHandler((x, e) -> failure.compareAndSet(null, e));
                callers.add(t);
                t.start();
            }
            for (Thread t : callers) {
                t.join(60_000);
                assertFalse(t.isAlive(), "a caller is stuck");
            }
            assertEquals(null, failure.get());
        }
    }

    @Test
    void aCallFromInsideAPartRunsInItsOwnThread() {
        try (KernelThreadPool pool = new KernelThreadPool(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(2 * 3);
            pool.run(2, (p, n) -> {
                String me = Thread.currentThread().getName();
                pool.run(3, (q, m) -> {
                    assertEquals(me, Thread.currentThread().getName(), "nested parts stay in the part's thread");
                    inner.incrementAndGet(p * 3 + q);
                });
            });
            for (int i = 0; i < 6; i++) {
                assertEquals(1, inner.get(i));
            }
        }
    }

    @Test
    void closeEndsTheHelpersAndLaterCallsRunInTheCaller() throws InterruptedException {
        KernelThreadPool pool = new KernelThreadPool(3);
        List<Thread> helpers = pool.helperThreads();
        assertEquals(2, helpers.size());
        assertEquals(List.of("conex-kernel-1", "conex-kernel-2"), helpers.stream().map(Thread::getName).toList());
        assertTrue(helpers.stream().allMatch(Thread::isDaemon));
        pool.close();
        pool.close(); // idempotent
        for (Thread t : helpers) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " ended");
        }
        Set<String> names = ConcurrentHashMap.newKeySet();
        pool.run(4, (p, n) -> names.add(Thread.currentThread().getName()));
        assertEquals(Set.of(Thread.currentThread().getName()), names);
        assertTrue(pool.toString().contains("closed"), pool.toString());
    }

    @Test
    void badCountsAndPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KernelThreadPool(0));
        assertThrows(IllegalArgumentException.class, () -> new KernelThreadPool(KernelThreadPool.MAX_THREADS + 1));
        try (KernelThreadPool pool = new KernelThreadPool(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.run(0, (p, n) -> { }));
            assertTrue(e.getMessage().contains("found 0"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> pool.run(KernelThreads.MAX_PARTS + 1, (p, n) -> { }));
        }
        try (KernelThreadPool one = new KernelThreadPool(1)) {
            assertEquals(List.of(), one.helperThreads(), "one thread: no helper");
            assertEquals(1, one.count());
        }
    }

    @Test
    void threadsForAnOptionValue() {
        assertEquals(3, KernelThreadPool.threadsFor(3));
        assertEquals(KernelThreadPool.MAX_THREADS, KernelThreadPool.threadsFor(1000));
        assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), KernelThreadPool.DEFAULT_MAX_THREADS),
                KernelThreadPool.threadsFor(0));
    }
}
