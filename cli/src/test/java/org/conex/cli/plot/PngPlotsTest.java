package org.conex.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The raster's bands: one per recorded group, as tall as the group, whatever spiked. */
class PngPlotsTest {
    private static RunData.Series events(long groupSize) {
        return new RunData.Series("input.Sensory.spikes.events.npy", "input.Sensory", "spikes", true, 10,
                new long[] {2}, 1, 1, null, null, groupSize);
    }

    @Test
    void aBandIsAsTallAsItsGroupNotItsHighestSpike() {
        assertEquals(784, PngPlots.bandHeight(events(784), new long[] {3, 747, 12}));
        assertEquals(784, PngPlots.bandHeight(events(784), new long[0]));
    }

    @Test
    void withoutARecordedSizeTheHighestIndexDecides() {
        assertEquals(748, PngPlots.bandHeight(events(0), new long[] {3, 747, 12}));
        assertEquals(0, PngPlots.bandHeight(events(0), new long[0]));
    }
}
