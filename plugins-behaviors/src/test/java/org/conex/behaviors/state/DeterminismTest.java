package org.conex.behaviors.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conex.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same model and seed give bit-identical runs in one JVM: every step's spikes and weights and
 * the complete final state, for both float types, also when another network ran in between (no
 * hidden static state). A different seed gives a different run, so the comparison is not vacuous.
 * Thread counts: {@link ThreadCountDeterminismTest}.
 */
class DeterminismTest {
    private static final int STEPS = 60;

    @ParameterizedTest
    @EnumSource(DType.class)
    void sameModelAndSeedGiveIdenticalRuns(DType dtype) {
        StatefulRun first = new StatefulRun(dtype, 11L).steps(STEPS);
        new StatefulRun(dtype, 12L).steps(STEPS / 2);
        StatefulRun second = new StatefulRun(dtype, 11L).steps(STEPS);

        assertEquals(first.steps, second.steps);
        assertEquals(List.of(), StateDigest.of(first.net).differences(StateDigest.of(second.net)));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        StatefulRun a = new StatefulRun(DType.FLOAT32, 11L).steps(STEPS);
        StatefulRun b = new StatefulRun(DType.FLOAT32, 12L).steps(STEPS);

        assertNotEquals(a.steps, b.steps);
        List<String> differ = StateDigest.of(a.net).differences(StateDigest.of(b.net));
        assertTrue(differ.contains("prox.weights") && differ.contains("exc.v"), differ.toString());
    }
}
