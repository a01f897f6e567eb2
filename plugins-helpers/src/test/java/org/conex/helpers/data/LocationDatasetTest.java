package org.conex.helpers.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.conex.helpers.TestData;
import org.junit.jupiter.api.Test;

/** behaviors.md 8.2: stages tag their input, so the call order shows in the values. */
class LocationDatasetTest {

    @Test
    void stagesRunPreThenPostThenLocationThenTarget() {
        DataSource base = new ArrayDataSource(TestData.floats(new double[] {1, 2}, 2, 1), new long[] {3, 4}, "stub");
        LocationDataset d = new LocationDataset(base,
                s -> s.withSensory(s.sensory().mul(10)).withLocation(s.sensory().add(100)),
                x -> x.add(1),
                loc -> loc.mul(2),
                label -> label * 7);
        Sample s = d.get(1);
        assertEquals(21.0, s.sensory().getDouble(0)); // (2 * 10) + 1: pre before post
        assertEquals(204.0, s.location().orElseThrow().getDouble(0)); // (2 + 100) * 2: from the raw input
        assertEquals(28, s.label().getAsLong());
    }

    @Test
    void locationTransformIsSkippedWithoutLocation() {
        DataSource base = new ArrayDataSource(TestData.floats(new double[] {1, 2}, 2, 1), null, "stub");
        Sample s = new LocationDataset(base, null, null, loc -> { throw new AssertionError("no location"); }, null).get(0);
        assertFalse(s.location().isPresent());
        assertFalse(s.label().isPresent());
    }
}
