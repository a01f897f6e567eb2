package org.conex.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Growth, least-squares slope and the flatness check on hand-made samples; one real sample. */
class MemoryTrendTest {
    private static MemoryTrend heap(long... values) {
        MemoryTrend t = new MemoryTrend();
        for (int i = 0; i < values.length; i++) {
            t.add(new MemoryTrend.Sample(i * 10L, values[i], 0, -1, 0));
        }
        return t;
    }

    @Test
    void slopeIsTheLeastSquaresLineAfterTheWarmUp() {
        MemoryTrend t = heap(900, 100, 200, 300, 400);
        assertEquals(10.0, t.slope(MemoryTrend.Sample::heapAfterGc, 10), 1e-12);
        assertEquals(300, t.growth(MemoryTrend.Sample::heapAfterGc, 10));
        assertEquals(-500, t.growth(MemoryTrend.Sample::heapAfterGc, 0), "the warm-up sample counts only from 0");
    }

    @Test
    void anAlternatingSeriesHasNoSlopeAndPasses() {
        MemoryTrend t = heap(100, 200, 100, 200, 100, 200, 100, 200, 100);
        assertEquals(0.0, t.slope(MemoryTrend.Sample::heapAfterGc, 0), 1e-12);
        t.assertFlat("heap", MemoryTrend.Sample::heapAfterGc, 0, 150, 1);
    }

    @Test
    void growthOrSlopeOverTheLimitFailsWithTheTable() {
        MemoryTrend t = heap(100, 200, 300);
        AssertionError e = assertThrows(AssertionError.class,
                () -> t.assertFlat("heap", MemoryTrend.Sample::heapAfterGc, 0, 1_000, 5));
        assertTrue(e.getMessage().startsWith("heap is not flat after 0: grew by 200 (limit 1,000), slope 10 per unit"
                + " (limit 5)"), e.getMessage());
        assertTrue(e.getMessage().contains("heap MB"), e.getMessage());
        assertThrows(AssertionError.class, () -> t.assertFlat("heap", MemoryTrend.Sample::heapAfterGc, 0, 199, 50));
    }

    @Test
    void fewerThanTwoSamplesAfterTheWarmUpIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> heap(1, 2).slope(MemoryTrend.Sample::heapAfterGc, 10));
        assertEquals("need at least 2 samples at or after 10, have [0, 10]", e.getMessage());
    }

    @Test
    void aRealSampleReadsHeapClassesAndResidentSet() {
        MemoryTrend.Sample s = new MemoryTrend().sample(1);
        assertTrue(s.heapAfterGc() > 0 && s.classes() > 100, s.toString());
        assertTrue(s.rss() == -1 || s.rss() > s.heapAfterGc(), s.toString());
    }
}
