package org.conex.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.conex.api.model.Network;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.testkit.Ramp;
import org.junit.jupiter.api.Test;

/** Reading, resolving, overriding and building model trees (with the runtime's test behavior Ramp). */
class ModelReaderTest {
    private static BehaviorRegistry registry() {
        BehaviorRegistry r = new BehaviorRegistry();
        r.add(new Ramp.Provider(), "test", 0);
        return r;
    }

    private static ModelSource.Document doc(String yaml) {
        return ModelSource.parse("m.yaml", yaml.getBytes(StandardCharsets.UTF_8), ModelSource.Format.YAML);
    }

    private static final String MODEL = "network: {seed: 9, dtype: float64}\n"
            + "groups: [{tag: a, shape: [2, 3], behaviors: [{type: Ramp, params: {slope: 0.5}}]}]\n"
            + "recorders: [{target: a, variables: [v], neurons: [0, 5]}]\n";

    @Test
    void defaultsAreFilledAndTheResolvedModelReadsBackToTheSameCore() {
        BehaviorRegistry reg = registry();
        ModelReader reader = new ModelReader(reg, List.of(), MemoryEstimate.Budget.of(1L << 30));
        ModelSpec spec = reader.read(doc(MODEL), "my-file.yaml");
        assertEquals("my-file", spec.name());
        assertEquals(9, spec.network().seed());
        assertEquals(1.0, spec.network().dt());
        assertEquals(6, spec.groups().get(0).size());
        assertEquals("1x2x3", spec.groups().get(0).shape().toString());
        assertEquals(10.0, spec.groups().get(0).behaviors().get(0).priority());
        assertEquals(RunSpec.DEFAULT, spec.run());
        ObjectNode resolved = ModelWriter.toTree(spec);
        ModelSpec again = reader.read(resolved, "resolved", "x");
        assertEquals(ModelWriter.core(spec), ModelWriter.core(again));
        Network net = new ModelBuilder(reg, reader).build(spec, "m.yaml");
        assertEquals(org.conex.api.tensor.DType.FLOAT64, net.dtype());
        assertEquals(1.0, net.scalar("dt"), "no TimeResolution installed: dt is set directly");
    }

    /** {@code enabled: false} (or CoNeX's {@code behavior_enabled} among the params) builds a disabled behavior. */
    @Test
    void disabledBehaviorsAreBuiltDisabledAndWrittenBack() {
        BehaviorRegistry reg = registry();
        ModelReader reader = new ModelReader(reg, List.of(), MemoryEstimate.Budget.of(1L << 30));
        ModelSpec spec = reader.read(doc("groups: [{tag: a, size: 2, behaviors: [{type: Ramp, enabled: false}]},"
                + " {tag: b, size: 2, behaviors: [{type: Ramp, params: {behavior_enabled: false, slope: 2}}]},"
                + " {tag: c, size: 2, behaviors: [{type: Ramp}]}]\n"), "m");
        assertEquals(List.of(false, false, true), spec.groups().stream().map(g -> g.behaviors().get(0).enabled())
                .toList());
        assertEquals(java.util.Set.of("slope"), spec.groups().get(1).behaviors().get(0).params().keySet());
        Network net = new ModelBuilder(reg, reader).build(spec, "m.yaml");
        assertEquals(List.of(false, false, true), net.neuronGroups().stream()
                .map(g -> g.behaviors().values().iterator().next().isEnabled()).toList());
        ObjectNode resolved = ModelWriter.toTree(spec);
        assertEquals(false, resolved.at("/groups/0/behaviors/0/enabled").booleanValue());
        assertTrue(resolved.at("/groups/2/behaviors/0").path("enabled").isMissingNode());
        ModelSpec again = reader.read(resolved, "resolved", "x");
        assertEquals(ModelWriter.core(spec), ModelWriter.core(again));
        assertEquals(false, again.groups().get(1).behaviors().get(0).enabled());
    }

    @Test
    void enabledMustBeABooleanAndAgreeWithBehaviorEnabled() {
        ModelReader reader = new ModelReader(registry(), List.of(), MemoryEstimate.Budget.of(1L << 30));
        ModelInvalidException e = assertThrows(ModelInvalidException.class, () -> reader.read(doc(
                "groups: [{tag: a, size: 2, behaviors: [{type: Ramp, enabled: 'no'},"
                        + " {type: Ramp, priority: 11, enabled: true, params: {behavior_enabled: false}}]}]\n"), "m"));
        List<String> paths = e.problems().stream().map(ModelProblem::path).toList();
        assertEquals(List.of("groups[0].behaviors[0].enabled", "groups[0].behaviors[1].params.behavior_enabled"),
                paths);
        assertEquals("expected true or false, found the text \"no\"", e.problems().get(0).message());
        assertEquals("expected the same value as 'enabled' (true), found false", e.problems().get(1).message());
    }

    /** A float32 network cannot hold 1e39: the value would become infinity, so it is a problem at its path. */
    @Test
    void numbersTheNetworkDtypeCannotHoldAreProblems() {
        ModelReader reader = new ModelReader(registry(), List.of(), MemoryEstimate.Budget.of(1L << 30));
        ModelInvalidException e = assertThrows(ModelInvalidException.class, () -> reader.read(doc(
                "groups: [{tag: a, size: 2, behaviors: [{type: Ramp, params: {slope: 1.0e39}}]}]\n"), "m"));
        assertEquals(List.of("groups[0].behaviors[0].params.slope"),
                e.problems().stream().map(ModelProblem::path).toList());
        assertEquals("expected a number that float32 can hold (magnitude at most 3.4028235E38), found 1.0E39",
                e.problems().get(0).message());
        ModelSpec f64 = reader.read(doc("network: {dtype: float64}\n"
                + "groups: [{tag: a, size: 2, behaviors: [{type: Ramp, params: {slope: 1.0e39}}]}]\n"), "m");
        assertEquals(1.0e39, ((Number) f64.groups().get(0).behaviors().get(0).params().get("slope")).doubleValue());
    }

    @Test
    void everyProblemIsCollectedWithItsPath() {
        ModelReader reader = new ModelReader(registry(), List.of(), MemoryEstimate.Budget.of(1L << 30));
        ModelInvalidException e = assertThrows(ModelInvalidException.class, () -> reader.read(doc(
                "groups: [{tag: a, size: 3, behaviors: [{type: Ramp, params: {slope: x}}, {type: Rmap}]},"
                        + " {tag: a, size: 2}]\n"
                        + "recorders: [{target: b, variables: [v]}, {target: a, neurons: [3]}]\nrun: {flush_every: 0}\n"),
                "m"));
        List<String> paths = e.problems().stream().map(ModelProblem::path).toList();
        assertEquals(List.of("groups[0].behaviors[0].params.slope", "groups[0].behaviors[1].type", "groups[1].tag",
                "recorders[0].target", "recorders[1].variables", "recorders[1].neurons[0]", "run.flush_every"), paths);
        assertEquals("Ramp: parameter 'slope' expected a number, found the text \"x\"", e.problems().get(0).message());
        assertTrue(e.problems().get(1).message().startsWith("unknown behavior \"Rmap\" (did you mean Ramp?)"));
        assertEquals("expected an integer between 0 and 2, found 3", e.problems().get(5).message());
        assertTrue(e.getMessage().startsWith("m.yaml: 7 problems"), e.getMessage());
    }

    @Test
    void overridesChangeTheTreeOrSayWhyNot() throws Exception {
        ObjectNode tree = (ObjectNode) doc(MODEL).tree();
        Overrides o = new Overrides(tree, registry());
        o.set("a.slope=2");
        o.set("a.Ramp.start=[1, 2]");
        o.set("run.steps=7");
        o.set("a.size=4");
        o.set("b.slope=1");
        o.set("a.nothing=1");
        o.set("novalue");
        o.steps(11);
        assertEquals(2, tree.at("/groups/0/behaviors/0/params/slope").asInt());
        assertEquals("[1,2]", tree.at("/groups/0/behaviors/0/params/start").toString());
        assertEquals(11, tree.at("/run/steps").asInt());
        assertEquals(4, tree.at("/groups/0/size").asInt());
        assertEquals(List.of("--set b.slope=1: no group or synapse group with tag 'b'",
                "--set a.nothing=1: no behavior of 'a' has a parameter 'nothing'",
                "--set novalue: expected KEY=VALUE such as exc.tau=20"), o.problems());
    }

    @Test
    void memoryIsEstimatedFromTheSizes() {
        ModelReader reader = new ModelReader(registry(), List.of(), MemoryEstimate.Budget.of(1000));
        ModelInvalidException e = assertThrows(ModelInvalidException.class,
                () -> reader.read(doc("groups: [{tag: a, size: 10}]"), "m"));
        assertEquals("groups[0]", e.problems().get(0).path());
        assertEquals("the network would need about 1.3 KiB but 1000 bytes is available (the configured limit); largest"
                + " part: group 'a': 10 neurons x 32 values x 4 bytes = 1.3 KiB; nothing was allocated. Reduce the sizes"
                + " or raise the limit", e.problems().get(0).message());
        assertEquals("447.0 GiB", MemoryEstimate.human(200000L * 300000L * 8));
    }

    @Test
    void suggestionsPreferTheClosestNames() {
        assertEquals(List.of("LIF", "ELIF"), Suggestions.close("LIFF", List.of("ELIF", "LIF", "KWTA")));
        assertEquals("", Suggestions.hint("zzzz", List.of("LIF")));
    }
}
