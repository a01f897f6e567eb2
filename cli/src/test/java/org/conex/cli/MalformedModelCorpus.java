package org.conex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates malformed model files from a valid one: syntax damage (truncation, bad bytes, junk,
 * deep nesting, alias bombs) and one semantic mistake each (wrong types, negative or huge sizes,
 * unknown names, class names, bad references, bad recorder and run settings).
 */
final class MalformedModelCorpus {
    /** One corpus file: a name for messages, the file name (its extension picks the format) and its bytes. */
    record Case(String name, String fileName, byte[] bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Case> cases = new ArrayList<>();
    private final ObjectNode valid;
    private final String validJson;

    MalformedModelCorpus() throws IOException {
        try (InputStream in = MalformedModelCorpus.class.getResourceAsStream("/models/stdp-net.yaml")) {
            valid = (ObjectNode) new YAMLMapper().readTree(in);
        }
        validJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(valid);
    }

    List<Case> generate() throws IOException {
        syntax();
        network();
        groups();
        behaviors();
        synapses();
        recordersAndRun();
        return cases;
    }

    private void raw(String name, String file, byte[] b) {
        cases.add(new Case(name, file, b));
    }

    private void raw(String name, String file, String text) {
        raw(name, file, text.getBytes(StandardCharsets.UTF_8));
    }

    private void mutate(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode t = valid.deepCopy();
        change.accept(t);
        cases.add(new Case(name, "m" + cases.size() + ".json", JSON.writeValueAsBytes(t)));
    }

    private void syntax() {
        raw("empty json", "e.json", "");
        raw("blank yaml", "e.yaml", "   \n\n");
        raw("top-level list", "l.json", "[1, 2]");
        raw("top-level number", "n.json", "42");
        raw("top-level null", "n.yaml", "null");
        raw("top-level text", "t.yaml", "just some words");
        raw("trailing junk", "j.json", "{\"name\": \"x\"} }");
        raw("duplicate key", "d.json", "{\"name\": \"a\", \"name\": \"b\"}");
        raw("duplicate yaml key", "d.yaml", "name: a\nname: b\n");
        raw("single quotes json", "q.json", "{'name': 'a'}");
        raw("yaml tab indent", "t2.yaml", "groups:\n\t- tag: a\n");
        raw("yaml bad indent", "i.yaml", "groups:\n  - tag: a\n     size: 3\n");
        raw("unclosed yaml flow", "u.yaml", "groups: [{tag: a, size: 3}\n");
        StringBuilder deep = new StringBuilder();
        deep.append("{\"groups\": ").append("[".repeat(500)).append("]".repeat(500)).append("}");
        raw("deeply nested lists", "deep.json", deep.toString());
        StringBuilder deepObj = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            deepObj.append("{\"a\": ");
        }
        deepObj.append("1").append("}".repeat(300));
        raw("deeply nested objects", "deep2.json", deepObj.toString());
        raw("yaml alias bomb", "bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
        raw("huge number", "h.json", "{\"network\": {\"seed\": 1" + "0".repeat(200) + "}}");
        byte[] v = validJson.getBytes(StandardCharsets.UTF_8);
        for (int k = 1; k <= 40; k++) {
            int cut = (int) ((long) v.length * k / 41);
            byte[] b = java.util.Arrays.copyOf(v, cut);
            raw("truncated at byte " + cut, "cut" + k + ".json", b);
        }
        Random rnd = new Random(1234);
        for (int k = 0; k < 12; k++) {
            byte[] b = v.clone();
            int at = rnd.nextInt(b.length);
            b[at] = (byte) (0x80 | rnd.nextInt(0x40)); // a lone continuation byte: not UTF-8
            raw("non-UTF-8 byte at " + at, "bad" + k + ".json", b);
        }
        raw("latin-1 yaml", "latin.yaml", new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'c', 'a', 'f', (byte) 0xE9});
        raw("UTF-16 file", "u16.json", "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_16));
        for (int k = 0; k < 8; k++) {
            byte[] junk = new byte[64 + rnd.nextInt(512)];
            rnd.nextBytes(junk);
            raw("random bytes " + k, "junk" + k + (k % 2 == 0 ? ".json" : ".yaml"), junk);
        }
        raw("NUL bytes", "nul.yaml", new byte[] {0, 0, 0, 0});
        raw("a Java class instead of a model", "c.json", "{\"@class\": \"org.conex.api.model.Network\"}");
    }

    private void network() throws IOException {
        Object[][] bad = {{"dt", 0}, {"dt", -1}, {"dt", "1ms"}, {"dtype", "int8"}, {"dtype", 32}, {"seed", 1.5},
            {"seed", "seven"}, {"synapse_mode", "SD"}, {"tag", "my net"}, {"tag", ""}, {"threads", 2}};
        for (Object[] b : bad) {
            mutate("network." + b[0] + " = " + b[1], t -> ((ObjectNode) t.get("network")).set((String) b[0],
                    JSON.valueToTree(b[1])));
        }
        mutate("network is a list", t -> t.set("network", JSON.createArrayNode()));
        mutate("network behavior TimeResolution with other dt", t -> ((ObjectNode) t.get("network")).set("behaviors",
                JSON.valueToTree(List.of(java.util.Map.of("type", "TimeResolution", "params", java.util.Map.of("dt", 0.5))))));
        mutate("unknown top-level key", t -> t.put("grups", 1));
        mutate("name with a path", t -> t.put("name", "../../etc/passwd"));
        mutate("name with a slash", t -> t.put("name", "a/b"));
        mutate("name is a number", t -> t.put("name", 5));
    }

    private static ObjectNode group(ObjectNode t, int i) {
        return (ObjectNode) t.get("groups").get(i);
    }

    private void groups() throws IOException {
        Object[] sizes = {-1, 0, -2147483648L, 2147483648L, 1e12, 3.5, "ten", true, List.of(3), java.util.Map.of()};
        for (int g = 0; g < 2; g++) {
            int gi = g;
            for (Object s : sizes) {
                mutate("groups[" + g + "].size = " + s, t -> group(t, gi).set("size", JSON.valueToTree(s)));
            }
            mutate("groups[" + g + "] without size", t -> group(t, gi).remove("size"));
            mutate("groups[" + g + "] without tag", t -> group(t, gi).remove("tag"));
            for (Object tag : new Object[] {"", "a b", "../x", 12, "x.y", "1abc", List.of("a")}) {
                mutate("groups[" + g + "].tag = " + tag, t -> group(t, gi).set("tag", JSON.valueToTree(tag)));
            }
            mutate("groups[" + g + "] is text", t -> ((ArrayNode) t.get("groups")).set(gi, JSON.valueToTree("exc")));
        }
        mutate("duplicate group tag", t -> group(t, 1).put("tag", "inp"));
        Object[] shapes = {List.of(0, 1, 1), List.of(1, -1), List.of(1, 2, 3, 4), List.of(), "2x2", List.of(1.5, 2),
            List.of(2000000, 2000000, 2000000)};
        for (Object s : shapes) {
            mutate("shape " + s, t -> {
                group(t, 1).remove("size");
                group(t, 1).set("shape", JSON.valueToTree(s));
            });
        }
        mutate("size disagrees with shape", t -> group(t, 1).set("shape", JSON.valueToTree(List.of(1, 3, 3))));
        mutate("group too large for memory", t -> group(t, 0).put("size", 2000000000));
        mutate("synapse too large for memory", t -> {
            group(t, 0).put("size", 400000);
            group(t, 1).put("size", 400000);
        });
        mutate("groups is an object", t -> t.set("groups", JSON.createObjectNode().put("tag", "a")));
        mutate("group tags is a number", t -> group(t, 0).put("tags", 3));
    }

    private void behaviors() throws IOException {
        for (int g = 0; g < 2; g++) {
            JsonNode list = valid.get("groups").get(g).get("behaviors");
            for (int b = 0; b < list.size(); b++) {
                int gi = g;
                int bi = b;
                String where = "groups[" + g + "].behaviors[" + b + "]";
                mutate(where + " unknown type", t -> beh(t, gi, bi).put("type", beh(t, gi, bi).get("type").asText() + "x"));
                mutate(where + " class name", t -> beh(t, gi, bi).put("type", "org.conex.behaviors."
                        + beh(t, gi, bi).get("type").asText()));
                mutate(where + " type missing", t -> beh(t, gi, bi).remove("type"));
                mutate(where + " params is a list", t -> beh(t, gi, bi).set("params", JSON.createArrayNode()));
                mutate(where + " unknown parameter", t -> params(t, gi, bi).put("bogus_param", 1));
                mutate(where + " priority is text", t -> beh(t, gi, bi).put("priority", "high"));
                JsonNode ps = list.get(b).get("params");
                if (ps != null) {
                    ps.fieldNames().forEachRemaining(p -> {
                        try {
                            mutate(where + ".params." + p + " wrong type", t -> params(t, gi, bi).set(p,
                                    JSON.valueToTree(java.util.Map.of("x", 1))));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        mutate("negative tau", t -> params(t, 1, 2).put("tau", -8.0));
        mutate("zero tau", t -> params(t, 1, 2).put("tau", 0));
        mutate("required parameter missing", t -> params(t, 1, 2).remove("threshold"));
        mutate("duplicate priority", t -> beh(t, 1, 3).put("priority", 260));
        mutate("synapse behavior on a group", t -> ((ArrayNode) group(t, 1).get("behaviors")).add(
                JSON.createObjectNode().put("type", "SimpleSTDP")));
        mutate("behaviors is an object", t -> group(t, 0).set("behaviors", JSON.createObjectNode().put("type", "LIF")));
        mutate("behavior is text", t -> ((ArrayNode) group(t, 0).get("behaviors")).set(0, JSON.valueToTree("LIF")));
        mutate("pinned version that is not installed", t -> beh(t, 1, 2).put("version", "9.9.9"));
    }

    private static ObjectNode beh(ObjectNode t, int g, int b) {
        return (ObjectNode) t.get("groups").get(g).get("behaviors").get(b);
    }

    private static ObjectNode params(ObjectNode t, int g, int b) {
        ObjectNode beh = beh(t, g, b);
        if (!(beh.get("params") instanceof ObjectNode)) {
            beh.set("params", JsonNodeFactory.instance.objectNode());
        }
        return (ObjectNode) beh.get("params");
    }

    private static ObjectNode syn(ObjectNode t, int i) {
        return (ObjectNode) t.get("synapses").get(i);
    }

    private void synapses() throws IOException {
        for (int s = 0; s < 2; s++) {
            int si = s;
            mutate("synapses[" + s + "].src unknown", t -> syn(t, si).put("src", "inpt"));
            mutate("synapses[" + s + "].dst unknown", t -> syn(t, si).put("dst", "outt"));
            mutate("synapses[" + s + "].src missing", t -> syn(t, si).remove("src"));
            mutate("synapses[" + s + "].dst is a number", t -> syn(t, si).put("dst", 3));
            mutate("synapses[" + s + "] unknown key", t -> syn(t, si).put("weights", 1));
            mutate("synapses[" + s + "] neuron behavior", t -> ((ArrayNode) syn(t, si).get("behaviors")).add(
                    JSON.createObjectNode().put("type", "LIF")));
            mutate("synapses[" + s + "] STDP a_plus text", t -> ((ObjectNode) syn(t, si).get("behaviors").get(7)
                    .get("params")).put("a_plus", "big"));
            mutate("synapses[" + s + "] density negative", t -> ((ObjectNode) syn(t, si).get("behaviors").get(1)
                    .get("params")).put("density", -0.5));
        }
        mutate("duplicate synapse tag", t -> syn(t, 1).put("tag", "dense"));
        mutate("synapse tag equals group tag", t -> syn(t, 1).put("tag", "inp"));
        mutate("synapses is text", t -> t.put("synapses", "dense"));
    }

    private void recordersAndRun() throws IOException {
        Object[][] rec = {{"target", "outt"}, {"target", 5}, {"variables", List.of("")}, {"variables", List.of(1)},
            {"variables", List.of("v v")}, {"every", 0}, {"every", -3}, {"every", "often"}, {"neurons", List.of(-1)},
            {"neurons", List.of(10)}, {"neurons", "all"}, {"events", 3}, {"format", "csv"}};
        for (Object[] r : rec) {
            mutate("recorders[1]." + r[0] + " = " + r[1], t -> ((ObjectNode) t.get("recorders").get(1)).set((String) r[0],
                    JSON.valueToTree(r[1])));
        }
        mutate("neurons on a synapse recorder", t -> ((ObjectNode) t.get("recorders").get(2)).set("neurons",
                JSON.valueToTree(List.of(1))));
        mutate("recorder without variables", t -> {
            ((ObjectNode) t.get("recorders").get(1)).remove("variables");
            ((ObjectNode) t.get("recorders").get(1)).remove("events");
        });
        Object[][] run = {{"steps", -1}, {"steps", "100"}, {"steps", 1.5}, {"checkpoint_every", -5},
            {"flush_every", 0}, {"check_every", "x"}, {"duration", 5}};
        for (Object[] r : run) {
            mutate("run." + r[0] + " = " + r[1], t -> ((ObjectNode) t.get("run")).set((String) r[0], JSON.valueToTree(r[1])));
        }
        mutate("run is a number", t -> t.put("run", 100));
        mutate("structures without a handler", t -> t.set("structures", JSON.valueToTree(List.of(java.util.Map.of(
                "type", "CorticalLayer")))));
        mutate("inputs without a handler", t -> t.set("inputs", JSON.valueToTree(List.of(java.util.Map.of(
                "type", "MNIST")))));
    }
}
