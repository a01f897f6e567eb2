package org.conex.structures;

import static org.conex.structures.Kit.BEHAVIORS;
import static org.conex.structures.Kit.STRUCTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conex.api.model.Network;
import org.conex.api.structure.StructureLookup;
import org.conex.api.structure.StructureType;
import org.conex.structures.io.DocumentException;
import org.conex.structures.io.StructureBuilder;
import org.conex.structures.io.StructureJson;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile structure documents are rejected with messages that name the place and
 * the problem: unknown types (listing what is installed), class names, cycles, missing ports,
 * wrong sizes, forward references, malformed JSON and resource bombs. The loader only ever
 * creates registered types.
 */
class HostileDocumentTest {
    static final String HEAD = "{\"format\": \"conex-structures\", \"version\": 1, \"members\": [";
    static final String LIF = "{\"type\": \"LIF\", \"params\": {\"R\": 1, \"tau\": 5, \"threshold\": 1,"
            + " \"v_reset\": 0, \"v_rest\": 0}}";
    /** A valid cortical layer L (exc 4, inh 2, one synapse group) with input port "input". */
    static final String LAYER = "{\"type\": \"CorticalLayer\", \"tag\": \"L\", \"members\": ["
            + "{\"type\": \"NeuronGroup\", \"tag\": \"L.exc\", \"size\": 4, \"behaviors\": [" + LIF + "]},"
            + "{\"type\": \"NeuronGroup\", \"tag\": \"L.inh\", \"size\": 2, \"tags\": [\"inh\"]},"
            + "{\"type\": \"SynapseGroup\", \"tag\": \"L.ei\", \"src\": \"L.exc\", \"dst\": \"L.inh\","
            + " \"tags\": [\"Proximal\"]}],"
            + " \"refs\": {\"exc_pop\": \"L.exc\", \"inh_pop\": \"L.inh\"},"
            + " \"input_ports\": {\"input\": [{\"object\": \"L.exc\"}]}}";

    static String doc(String... members) {
        return HEAD + String.join(", ", members) + "]}";
    }

    static String rejected(String json) {
        return rejected(json, new Network());
    }

    static String rejected(String json, Network net) {
        DocumentException e = assertThrows(DocumentException.class,
                () -> StructureBuilder.build(net, StructureJson.read(json), BEHAVIORS, STRUCTURES));
        return e.getMessage();
    }

    @Test
    void theValidBaseDocumentBuilds() {
        Network net = new Network();
        StructureBuilder.build(net, StructureJson.read(doc(LAYER)), BEHAVIORS, STRUCTURES);
        assertEquals(4, net.structures().size());
    }

    @Test
    void unknownTypesNameWhatIsInstalled() {
        assertEquals("members[0] Cortex 'x': unknown structure type 'Cortex'; installed: [Container, CorticalColumn,"
                + " CorticalLayer, CorticalLayerConnection, InputLayer, Layer, OutputLayer, Synapsis] (providers:"
                + " [org.conex.structures.CoreStructures])", rejected(doc("{\"type\": \"Cortex\", \"tag\": \"x\"}")));
        String m = rejected(doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 3, \"behaviors\":"
                + " [{\"type\": \"LIFF\"}]}"));
        assertTrue(m.startsWith("members[0] NeuronGroup 'g': unknown behavior 'LIFF'; installed: [AELIF,")
                && m.contains(" LIF, "), m);
    }

    @Test
    void classNamesAreRejectedBeforeAnyLookup() {
        assertEquals("members[0]: structure type 'java.lang.Runtime' looks like a Java class name; documents name"
                + " registered types only (for example \"CorticalLayer\" or \"LIF\"), never classes",
                rejected(doc("{\"type\": \"java.lang.Runtime\"}")));
        assertEquals("members[0] NeuronGroup 'g': behaviors, behavior [0]: behavior type"
                + " 'org.conex.behaviors.neurons.LIF' looks like a Java class name; documents name registered types"
                + " only (for example \"CorticalLayer\" or \"LIF\"), never classes",
                rejected(doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 3, \"behaviors\":"
                        + " [{\"type\": \"org.conex.behaviors.neurons.LIF\"}]}")));
        assertEquals("members[0]: field 'class' is not allowed; documents name registered types with \"type\","
                + " never classes", rejected(doc("{\"type\": \"Layer\", \"class\": [\"python_callable\","
                + " \"conex.nn.structure.layer\", \"Layer\"]}")));
        assertEquals("members[0]: class references [python_callable, os, system] are not allowed; name a registered"
                + " structure type instead", rejected(doc("{\"type\": [\"python_callable\", \"os\", \"system\"]}")));
        assertEquals("members[0] NeuronGroup 'g': behaviors, behavior [0]: unknown field 'class' (a behavior has"
                + " [type, priority, params, enabled]); classes are never named, use \"type\" with a registered"
                + " behavior name",
                rejected(doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 3, \"behaviors\":"
                        + " [{\"type\": \"LIF\", \"class\": \"org.conex.behaviors.neurons.LIF\"}]}")));
    }

    @Test
    void onlyRegisteredStructureTypesAreEverCreated() {
        StructureLookup none = new StructureLookup() {
            @Override
            public java.util.Optional<StructureType> find(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public List<String> names() {
                return List.of();
            }
        };
        Network net = new Network();
        DocumentException e = assertThrows(DocumentException.class, () -> StructureBuilder.build(net,
                StructureJson.read(doc(LAYER)), BEHAVIORS, none));
        assertEquals("members[0] CorticalLayer 'L': unknown structure type 'CorticalLayer'; installed: []"
                + " (providers: [])", e.getMessage());
        assertTrue(net.structures().isEmpty(), "nothing is created when the check fails");
    }

    @Test
    void cyclesAreErrors() {
        assertEquals("members[0] Container 'c': reference 'me': refers to 'c' itself (cycle)",
                rejected(doc("{\"type\": \"Container\", \"tag\": \"c\", \"refs\": {\"me\": \"c\"}}")));
        assertEquals("members[0] Container 'outer' > members[0] Layer 'inner': input port 'in': refers to 'outer',"
                + " which contains it (cycle)", rejected(doc("{\"type\": \"Container\", \"tag\": \"outer\","
                + " \"members\": [{\"type\": \"Layer\", \"tag\": \"inner\", \"input_ports\": {\"in\": [{\"object\":"
                + " \"outer\", \"label\": \"in\"}]}}]}")));
        String loop = "{\"type\": \"Container\", \"tag\": \"A\", \"input_ports\": {\"p\": [{\"object\": \"A\","
                + " \"label\": \"q\"}], \"q\": [{\"object\": \"A\", \"label\": \"p\"}]}}";
        assertEquals("members[2] Synapsis 's': ports form a cycle: A.p -> A.q -> A.p", rejected(doc(LAYER, loop,
                "{\"type\": \"Synapsis\", \"tag\": \"s\", \"refs\": {\"src\": \"L.exc\", \"dst\": \"A\"},"
                        + " \"params\": {\"output_port\": \"p\"}}")));
    }

    @Test
    void missingPortsAreErrors() {
        assertEquals("members[1] Synapsis 's': CorticalLayer 'L' has no input port 'nope'; its input ports: [input]",
                rejected(doc(LAYER, "{\"type\": \"Synapsis\", \"tag\": \"s\", \"refs\": {\"src\": \"L.inh\","
                        + " \"dst\": \"L\"}, \"params\": {\"output_port\": \"nope\"}}")));
        assertEquals("members[1] Synapsis 's': CorticalLayer 'L' has no output port (none was named); its output"
                + " ports: []", rejected(doc(LAYER, "{\"type\": \"Synapsis\", \"tag\": \"s\", \"refs\": {\"src\":"
                + " \"L\", \"dst\": \"L\"}, \"params\": {\"output_port\": \"input\"}}")));
        assertEquals("members[0] CorticalLayer 'L': input port 'input': no object tagged 'L.exd' in the document, the"
                + " network or among the objects its structures created (named <structure tag>.<name>)", rejected(doc(LAYER.replace("{\"object\": \"L.exc\"}", "{\"object\": \"L.exd\"}"))));
    }

    @Test
    void wrongSizesAreErrors() {
        String g = "{\"type\": \"NeuronGroup\", \"tag\": \"g\", ";
        assertEquals("members[0] NeuronGroup 'g': 'size' must be a whole number from 1 to 2147483647, found the"
                + " number 0", rejected(doc(g + "\"size\": 0}")));
        assertEquals("members[0] NeuronGroup 'g': 'size' must be a whole number from 1 to 2147483647, found the"
                + " number 2.5", rejected(doc(g + "\"size\": 2.5}")));
        assertEquals("members[0] NeuronGroup 'g': 'size' must be a whole number from 1 to 2147483647, found the"
                + " number 1000000000000", rejected(doc(g + "\"size\": 1000000000000}")));
        assertEquals("members[0] NeuronGroup 'g': 'size' 100 does not match 'shape' 4x5x6 (120 neurons)",
                rejected(doc(g + "\"size\": 100, \"shape\": [4, 5, 6]}")));
        assertEquals("members[0] NeuronGroup 'g': 'shape' must be [depth, height, width], found a list [24, 24]",
                rejected(doc(g + "\"shape\": [24, 24]}")));
        assertEquals("members[0] NeuronGroup 'g': 'shape': neuron shape 100000x100000x100000 has 1000000000000000"
                + " neurons, more than 2147483647", rejected(doc(g + "\"shape\": [100000, 100000, 100000]}")));
        assertEquals("members[0] NeuronGroup 'g': needs 'size' (number of neurons) or 'shape' ([depth, height,"
                + " width])", rejected(doc(g + "\"tags\": [\"inh\"]}")));
        assertEquals("members[0] InputLayer 'in': InputLayer: parameter 'sensory_size' expected sizes >= 1, found"
                + " a list [0, 28]", rejected(doc("{\"type\": \"InputLayer\", \"tag\": \"in\", \"params\":"
                + " {\"sensory_size\": [0, 28]}}")));
        assertEquals("members[1] SynapseGroup 's': 'src': 'L' is a CorticalLayer, expected a neuron group",
                rejected(doc(LAYER, "{\"type\": \"SynapseGroup\", \"tag\": \"s\", \"src\": \"L\", \"dst\":"
                        + " \"L.exc\"}")));
    }

    @Test
    void everyProblemOfADocumentIsReportedAtOnceAndNothingIsBuilt() {
        Network net = new Network();
        String json = doc("{\"type\": \"NeuronGroup\", \"tag\": \"g1\", \"size\": 3,"
                        + " \"behaviors\": [{\"type\": \"LIFF\"}]}",
                "{\"type\": \"NeuronGroup\", \"tag\": \"g2\", \"size\": 3, \"behaviors\": [{\"type\": \"LIF\","
                        + " \"params\": {\"tau\": \"ten\", \"R\": 1}}]}",
                "{\"type\": \"Cortex\", \"tag\": \"c\"}",
                "{\"type\": \"SynapseGroup\", \"tag\": \"s\", \"src\": \"g1\", \"dst\": \"nowhere\"}");
        DocumentException e = assertThrows(DocumentException.class,
                () -> StructureBuilder.build(net, StructureJson.read(json), BEHAVIORS, STRUCTURES));
        List<String> p = e.problems();
        assertTrue(p.get(0).startsWith("members[0] NeuronGroup 'g1': unknown behavior 'LIFF'; installed: ["), p.get(0));
        assertTrue(p.stream().anyMatch(m -> m.startsWith("members[1] NeuronGroup 'g2': ") && m.contains("'tau'")),
                p.toString());
        assertTrue(p.stream().anyMatch(m -> m.startsWith("members[2] Cortex 'c': unknown structure type 'Cortex'")),
                p.toString());
        assertEquals("members[3] SynapseGroup 's': 'dst': no object tagged 'nowhere' in the document or the network",
                p.get(p.size() - 1));
        assertTrue(e.getMessage().startsWith(p.size() + " problems:\n  members[0] NeuronGroup 'g1'"), e.getMessage());
        assertEquals(0, net.structures().size(), "nothing is built from a document with problems");
    }

    @Test
    void theReaderReportsTheFirstMistakeOfEveryMemberAndSkipsOnlyThoseMembers() {
        DocumentException e = assertThrows(DocumentException.class, () -> StructureJson.read(doc(
                "{\"type\": \"NeuronGroup\", \"tag\": \"a\", \"size\": -3}",
                "{\"type\": \"NeuronGroup\", \"tag\": \"b\", \"size\": 2}",
                "{\"type\": \"Layer\", \"tag\": \"L\", \"members\": [{\"type\": \"NeuronGroup\", \"tag\": \"c\","
                        + " \"sise\": 2}]}")));
        assertEquals(List.of("members[0] NeuronGroup 'a': 'size' must be a whole number from 1 to 2147483647, found"
                + " the number -3", "members[2] Layer 'L' > members[0] NeuronGroup 'c': unknown field 'sise' (allowed:"
                + " [behaviors, shape, size, tag, tags, type])"), e.problems());
        assertTrue(e.getMessage().startsWith("2 problems:\n  members[0] NeuronGroup 'a'"), e.getMessage());
    }

    @Test
    void aDocumentWithVeryManyMistakesStopsAtOneHundred() {
        String bad = "{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 0}";
        DocumentException read = assertThrows(DocumentException.class,
                () -> StructureJson.read(doc(java.util.Collections.nCopies(1000, bad).toArray(new String[0]))));
        assertEquals(DocumentException.MAX_PROBLEMS + 1, read.problems().size());
        assertEquals("document: stopped after 100 problems; correct these and check again",
                read.problems().get(DocumentException.MAX_PROBLEMS));
        String[] unknown = new String[1000];
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = "{\"type\": \"NeuronGroup\", \"tag\": \"g" + i + "\", \"size\": 1, \"behaviors\":"
                    + " [{\"type\": \"Nope\"}]}";
        }
        DocumentException checked = assertThrows(DocumentException.class, () -> StructureBuilder.build(new Network(),
                StructureJson.read(doc(unknown)), BEHAVIORS, STRUCTURES));
        assertEquals(DocumentException.MAX_PROBLEMS + 1, checked.problems().size());
        assertTrue(checked.problems().get(99).startsWith("members[99] NeuronGroup 'g99': unknown behavior 'Nope'"),
                checked.problems().get(99));
        assertEquals("document: stopped after 100 problems; correct these and check again",
                checked.problems().get(DocumentException.MAX_PROBLEMS));
    }

    @Test
    void referencesMustPointBackwardsToExistingObjects() {
        // both ends are reported: every problem of the document at once
        assertEquals("2 problems:\n  members[0] SynapseGroup 's': 'src': refers to 'a', which is defined later"
                + " (members[1] NeuronGroup 'a'); list objects before the objects that refer to them\n"
                + "  members[0] SynapseGroup 's': 'dst': refers to 'a', which is defined later (members[1]"
                + " NeuronGroup 'a'); list objects before the objects that refer to them",
                rejected(doc("{\"type\": \"SynapseGroup\", \"tag\": \"s\", \"src\": \"a\", \"dst\": \"a\"}",
                        "{\"type\": \"NeuronGroup\", \"tag\": \"a\", \"size\": 2}")));
        assertEquals("members[1] NeuronGroup 'L.exc': tag 'L.exc' is also used by members[0] CorticalLayer 'L' >"
                + " members[0] NeuronGroup 'L.exc'; every object needs its own tag",
                rejected(doc(LAYER, "{\"type\": \"NeuronGroup\", \"tag\": \"L.exc\", \"size\": 2}")));
        Network net = new Network();
        net.addNeuronGroup("L.inh", 3);
        assertEquals("members[0] CorticalLayer 'L' > members[1] NeuronGroup 'L.inh': the network already has an"
                + " object tagged 'L.inh' (neuron group 'L.inh'); load with a tag mapping, or into another network",
                rejected(doc(LAYER), net));
        assertEquals("members[0] CorticalLayer 'L': unknown reference 'exc' (it takes [exc_pop, inh_pop])",
                rejected(doc(LAYER.replace("\"exc_pop\": \"L.exc\"", "\"exc\": \"L.exc\""))));
    }

    @Test
    void invalidParametersAreErrors() {
        assertEquals("members[0] NeuronGroup 'g': LIF: parameter 'tau' expected a number or a list of numbers > 0, found the"
                + " number -5.0",
                rejected(doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"size\": 3, \"behaviors\": ["
                        + LIF.replace("\"tau\": 5", "\"tau\": -5") + "]}")));
        assertEquals("members[0] Synapsis 's': Synapsis: parameter 'synaptic_tag' expected a text, found the number 5",
                rejected(doc("{\"type\": \"Synapsis\", \"tag\": \"s\", \"params\": {\"synaptic_tag\": 5}}")));
        assertEquals("members[0] Layer 'x': Layer: parameter 'size' is not a parameter of Layer; known parameters: []",
                rejected(doc("{\"type\": \"Layer\", \"tag\": \"x\", \"params\": {\"size\": 5}}")));
        assertEquals("members[0] CorticalLayerConnection 'c' parameter 'connections': expected a list of"
                + " connections, found the text \"all\"", rejected(doc("{\"type\": \"CorticalLayerConnection\","
                + " \"tag\": \"c\", \"params\": {\"connections\": \"all\"}}")));
        assertEquals("members[0] InputLayer 'in': no data is bound to 'digits'; pass it to the builder or call"
                + " setData before running", rejected(doc("{\"type\": \"InputLayer\", \"tag\": \"in\", \"params\":"
                + " {\"sensory_size\": 4, \"data\": \"digits\"}}")));
    }

    @Test
    void malformedJsonAndResourceBombsAreErrors() {
        String m = rejected(HEAD + "{\"type\": \"Layer\"");
        assertTrue(m.startsWith("document: not valid JSON at line 1, column 74: Unexpected end-of-input"), m);
        m = rejected(doc("{\"type\": \"Layer\", \"tag\": \"a\", \"tag\": \"b\"}"));
        assertTrue(m.startsWith("document: not valid JSON at line 1, column") && m.contains("Duplicate field 'tag'"),
                m);
        m = rejected("[".repeat(10_000) + "]".repeat(10_000));
        assertTrue(m.contains("nesting depth (401) exceeds the maximum allowed (400"), m);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            deep.append("{\"type\": \"Container\", \"members\": [");
        }
        deep.append("]}".repeat(70));
        m = rejected(doc(deep.toString()));
        assertTrue(m.endsWith("members: structures are nested more than 64 levels deep"), m);
        assertEquals("document: 'format' must be \"conex-structures\", found nothing (null)",
                rejected("{\"members\": []}"));
        assertEquals("document: 'version' must be 1 (the version this program reads), found the number 2",
                rejected("{\"format\": \"conex-structures\", \"version\": 2, \"members\": []}"));
        assertEquals("members[0] NeuronGroup 'g': unknown field 'sise' (allowed: [behaviors, shape, size, tag, tags,"
                + " type])", rejected(doc("{\"type\": \"NeuronGroup\", \"tag\": \"g\", \"sise\": 3}")));
        assertEquals("document: not valid JSON at line 1, column 3: Unexpected close marker '}': no open Object to"
                + " close", rejected("{}}").split("\n")[0]);
    }

    @Test
    void bindingsAreUsedOnlyWhenNamed() {
        Network net = new Network();
        StructureBuilder.build(net, StructureJson.read(doc("{\"type\": \"InputLayer\", \"tag\": \"in\", \"params\":"
                + " {\"sensory_size\": 4, \"data\": \"digits\"}}")), BEHAVIORS, STRUCTURES,
                StructureBuilder.Options.defaults().withBindings(Map.of("digits", List.of())));
        assertEquals(List.of(), net.object("in").get("dataloader"));
    }
}
