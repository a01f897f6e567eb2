package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.STRUCTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.runtime.Simulation;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureJson;
import org.conex.structures.io.StructureSaver;
import org.junit.jupiter.api.Test;

/** The complete example of docs/structures.md builds, runs and round-trips. */
class DocumentationExampleTest {
    static String example() throws Exception {
        String md = Files.readString(Path.of("..", "docs", "structures.md"));
        int from = md.indexOf("```json", md.indexOf("<!-- example:begin -->")) + "```json".length();
        int to = md.indexOf("```", from);
        return md.substring(from, to);
    }

    @Test
    void theDocumentedExampleBuildsRunsAndRoundTrips() throws Exception {
        StructureBuilder.Options options = StructureBuilder.Options.defaults()
                .withBindings(Map.of("pattern", Circuits.pattern()));
        Network net = StructureBuilder.buildNetwork(StructureJson.read(example()), BEHAVIORS, STRUCTURES, options);
        assertEquals(List.of("input.Sensory", "col.L1.exc", "col.L1.inh", "col.L2.exc"),
                net.neuronGroups().stream().map(NetworkObject::tag).toList());
        assertEquals(List.of("col.L1.exc_inh", "col.L1.inh_exc", "col.L1toL2.exc_pop=>exc_pop",
                "feed.input.Sensory=>col.L1.exc"), net.synapseGroups().stream().map(NetworkObject::tag).toList());
        String saved = StructureJson.write(StructureSaver.saveNetwork(net));
        Network again = StructureBuilder.buildNetwork(StructureJson.read(saved), BEHAVIORS, STRUCTURES, options);
        assertEquals(saved, StructureJson.write(StructureSaver.saveNetwork(again)));
        Simulation sim = new Simulation(net);
        double spikes = 0;
        for (int t = 0; t < 20; t++) {
            sim.step();
            for (double s : org.conex.api.tensor.Tensors.toDoubles(net.neuronGroup("col.L1.exc").array("spikes"))) {
                spikes += s;
            }
        }
        assertTrue(spikes > 0, "the input drives layer 1");
    }
}
