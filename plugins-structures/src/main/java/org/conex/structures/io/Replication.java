package org.conex.structures.io;

import java.util.ArrayList;
import java.util.List;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.structure.Structure;
import org.conex.api.structure.StructureLookup;

/**
 * Copies of structures, made by saving the structure's description and building it again: every
 * copy has its own groups, synapses and behavior instances, all uninitialised (fresh state:
 * initial values are drawn again, from streams named after the copy's tags). References to
 * objects outside the copied structure are kept (a copied column stays fed by the same input
 * layer); references inside it follow the copy.
 */
public final class Replication {
    private Replication() {
    }

    /**
     * A copy of {@code structure} in its own network, re-rooted under {@code newTag} (see
     * {@link TagMapping#reroot}).
     */
    public static Structure replicate(Structure structure, String newTag, BehaviorLookup behaviors,
                                      StructureLookup structures) {
        StructureDocument doc = StructureSaver.save(structure);
        List<NetworkObject> built = StructureBuilder.build(structure.network(), doc, behaviors, structures,
                StructureBuilder.Options.defaults().withTags(TagMapping.reroot(structure.tag(), newTag)));
        return (Structure) built.get(0);
    }

    /** {@code copies} copies tagged {@code <tag>_1 ... <tag>_copies}. */
    public static List<Structure> replicate(Structure structure, int copies, BehaviorLookup behaviors,
                                            StructureLookup structures) {
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be >= 0, found " + copies);
        }
        StructureDocument doc = StructureSaver.save(structure);
        List<Structure> out = new ArrayList<>();
        for (int k = 1; k <= copies; k++) {
            List<NetworkObject> built = StructureBuilder.build(structure.network(), doc, behaviors, structures,
                    StructureBuilder.Options.defaults().withTags(TagMapping.reroot(structure.tag(),
                            structure.tag() + "_" + k)));
            out.add((Structure) built.get(0));
        }
        return out;
    }

    /**
     * The same structure, with the same tags, built into another network (whose objects outside
     * the structure must carry the tags the structure refers to).
     */
    public static Structure copyTo(Structure structure, Network target, BehaviorLookup behaviors,
                                   StructureLookup structures) {
        List<NetworkObject> built = StructureBuilder.build(target, StructureSaver.save(structure), behaviors,
                structures);
        return (Structure) built.get(0);
    }
}
