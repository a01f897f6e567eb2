package org.conex.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a refused checkpoint reports as different. */
class JsonDiffTest {
    @Test
    void listsEveryDifferenceWithItsPath() throws Exception {
        ObjectMapper m = new ObjectMapper();
        var a = m.readTree("{\"network\": {\"seed\": 1, \"dt\": 1.0}, \"groups\": [{\"size\": 3, \"shape\": [1, 2]},"
                + " {\"size\": 4}], \"x\": 1}");
        var b = m.readTree("{\"network\": {\"seed\": 2, \"dt\": 1}, \"groups\": [{\"size\": 3, \"shape\": [1, 3]}],"
                + " \"y\": true}");
        assertEquals(List.of("network.seed: checkpoint 1, model 2",
                "groups: checkpoint has 2 entries, model 1",
                "groups[0].shape[1]: checkpoint 2, model 3",
                "x: checkpoint 1, model (absent)",
                "y: checkpoint (absent), model true"), JsonDiff.diff(a, b));
    }
}
