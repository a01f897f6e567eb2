package org.conex.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conex.runtime.model.ModelProblem;
import org.junit.jupiter.api.Test;

/** The structures plugin's locations ("Layer 'L1' > members[0] ...") become JSON paths of the model file. */
class StructuresExtensionTest {
    private static String show(ModelProblem p) {
        return p.path() + " | " + p.message();
    }

    @Test
    void nestedMembersAndTheFieldBecomeThePath() {
        assertEquals("structures[0].members[0].size | NeuronGroup 'L1_exc': 'size' must be a whole number from 1",
                show(StructuresExtension.located("structures[0]", "members[0] Layer 'L1' > members[0] NeuronGroup"
                        + " 'L1_exc': 'size' must be a whole number from 1")));
        assertEquals("structures[2].members[1].members[3].bogus | NeuronGroup 'g': unknown field 'bogus'",
                show(StructuresExtension.located("structures[2]", "members[0] CorticalColumn 'c' > members[1]"
                        + " CorticalLayer 'L4' > members[3] NeuronGroup 'g': unknown field 'bogus'")));
    }

    @Test
    void anErrorOfTheEntryItselfStaysAtTheEntry() {
        assertEquals("structures[1].bogus | Layer 'L1': unknown field 'bogus'",
                show(StructuresExtension.located("structures[1]", "members[0] Layer 'L1': unknown field 'bogus'")));
        assertEquals("structures[1] | Layer 'L1': takes no refs",
                show(StructuresExtension.located("structures[1]", "members[0] Layer 'L1': takes no refs")));
        assertEquals("structures[0] | something else entirely",
                show(StructuresExtension.located("structures[0]", "something else entirely")));
        assertEquals("structures[0] | invalid structure", show(StructuresExtension.located("structures[0]", null)));
    }
}
