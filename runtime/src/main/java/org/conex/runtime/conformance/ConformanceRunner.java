package org.conex.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.Simulation;
import org.conex.runtime.conformance.CaseResult.Status;

/**
 * Runs conformance case files (the golden/README.md format) against the installed behaviors:
 * builds each network through the public API and the registry, applies {@code initial}, runs,
 * records after every step and compares with the case's expected values and tolerances
 * (deterministic cases) or its statistics (statistical cases, {@value #STATISTICAL_SEEDS} seeds
 * starting at the runner's seed). Nothing in here knows any case.
 */
public final class ConformanceRunner {
    /**
     * Statistical cases are run with this many consecutive master seeds and each statistic is
     * averaged over the runs (bounds must hold in every run). The reference value is itself a mean
     * over 20 seeds with a tolerance of 5 standard deviations of one run, so averaging makes a
     * false failure of a correct implementation about sqrt(5) times less likely in sigma terms.
     */
    public static final int STATISTICAL_SEEDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BehaviorRegistry registry;
    private final long seed;

    public ConformanceRunner(BehaviorRegistry registry, long seed) {
        this.registry = registry;
        this.seed = seed;
    }

    /** Case files of a folder (every *.json except index.json), sorted by name. */
    public static List<Path> caseFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("index.json"))
                    .sorted().toList();
        }
    }

    /** Runs one case file. Errors while building or running are reported as FAIL with the message. */
    public CaseResult run(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode c;
        try {
            c = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return new CaseResult(name, Status.FAIL, "unreadable case file: " + e.getMessage());
        }
        if (c == null || !c.isObject()) {
            return new CaseResult(name, Status.FAIL, "case file is not a JSON object");
        }
        name = c.path("name").asText(name);
        try {
            return run(name, c);
        } catch (ConexException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return new CaseResult(name, Status.FAIL, "error: " + e.getMessage());
        }
    }

    private CaseResult run(String name, JsonNode c) {
        String invalid = invalid(c);
        if (invalid != null) {
            return new CaseResult(name, Status.FAIL, "invalid case: " + invalid);
        }
        Set<String> missing = CaseNetwork.missingBehaviors(c, registry);
        if (!missing.isEmpty()) {
            return new CaseResult(name, Status.UNSUPPORTED, String.join(", ", missing));
        }
        Map<String, Integer> every = new LinkedHashMap<>();
        for (JsonNode r : c.path("record")) {
            every.put(r.path("object").asText() + "." + r.path("variable").asText(),
                    Math.max(1, r.path("every").asInt(1)));
        }
        if ("statistical".equals(c.path("kind").asText())) {
            List<Map<String, List<Recording>>> runs = new ArrayList<>();
            for (int k = 0; k < STATISTICAL_SEEDS; k++) {
                runs.add(simulate(c, seed + k, every));
            }
            return Statistics.check(name, c, runs, every);
        }
        return compare(name, c, simulate(c, seed, every), every);
    }

    /**
     * What makes a case file unable to check anything (a case that compares nothing must not
     * pass), or null: a known {@code kind}, {@code steps} >= 1, a non-empty {@code record} list,
     * and for a deterministic case a non-empty {@code expected} object and a {@code tolerance}
     * object, for a statistical one a non-empty {@code statistics} list.
     */
    static String invalid(JsonNode c) {
        String kind = c.path("kind").asText("");
        if (!kind.equals("deterministic") && !kind.equals("statistical")) {
            return "'kind' must be \"deterministic\" or \"statistical\", found " + describe(c.get("kind"));
        }
        if (!c.path("steps").canConvertToLong() || !c.path("steps").isIntegralNumber() || c.path("steps").asLong() < 1) {
            return "'steps' must be a whole number >= 1, found " + describe(c.get("steps"));
        }
        if (!c.path("record").isArray() || c.path("record").isEmpty()) {
            return "'record' must list the recorded variables, found " + describe(c.get("record"));
        }
        if (kind.equals("deterministic")) {
            if (!c.path("expected").isObject() || c.path("expected").isEmpty()) {
                return "a deterministic case needs 'expected' values, found " + describe(c.get("expected"));
            }
            if (!c.path("tolerance").isObject()) {
                return "a deterministic case needs a 'tolerance' object, found " + describe(c.get("tolerance"));
            }
        } else if (!c.path("statistics").isArray() || c.path("statistics").isEmpty()) {
            return "a statistical case needs 'statistics', found " + describe(c.get("statistics"));
        }
        return null;
    }

    private static String describe(JsonNode n) {
        return n == null ? "nothing" : n.isContainerNode() && n.isEmpty() ? "an empty " + (n.isArray() ? "list" : "object")
                : n.toString();
    }

    /** Builds, initialises, applies {@code initial}, runs and records after every step. */
    private Map<String, List<Recording>> simulate(JsonNode c, long runSeed, Map<String, Integer> every) {
        Network net = CaseNetwork.build(c, registry, runSeed);
        Simulation sim = new Simulation(net);
        sim.initialize();
        CaseNetwork.applyInitial(c, net);
        Map<String, List<Recording>> recorded = new LinkedHashMap<>();
        for (String key : every.keySet()) {
            recorded.put(key, new ArrayList<>());
        }
        long steps = c.path("steps").asLong();
        for (long t = 1; t <= steps; t++) {
            sim.step();
            for (Map.Entry<String, List<Recording>> e : recorded.entrySet()) {
                if (t % every.get(e.getKey()) == 0) {
                    e.getValue().add(sample(net, e.getKey()));
                }
            }
        }
        return recorded;
    }

    private static Recording sample(Network net, String key) {
        int dot = key.lastIndexOf('.');
        String obj = key.substring(0, dot);
        NetworkObject o = "network".equals(obj) && net.object(obj) == null ? net : net.object(obj);
        if (o == null) {
            throw new ConexException("record: no object '" + obj + "'");
        }
        return Recording.of(o, key.substring(dot + 1));
    }

    private CaseResult compare(String name, JsonNode c, Map<String, List<Recording>> recorded,
                               Map<String, Integer> every) {
        JsonNode expected = c.path("expected");
        JsonNode tol = c.path("tolerance");
        double worstRatio = 0;
        String worst = "";
        var it = expected.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            List<Recording> got = recorded.get(key);
            if (got == null) {
                return new CaseResult(name, Status.FAIL, key + " is expected but not in the case's record list");
            }
            JsonNode rows = e.getValue();
            if (rows.size() != got.size()) {
                return new CaseResult(name, Status.FAIL, key + ": " + got.size() + " samples recorded, "
                        + rows.size() + " expected");
            }
            JsonNode pv = tol.path("per_variable").path(key);
            double abs = pv.path("abs").asDouble(tol.path("abs").asDouble(0));
            double rel = pv.path("rel").asDouble(tol.path("rel").asDouble(0));
            for (int r = 0; r < rows.size(); r++) {
                long step = (long) (r + 1) * every.get(key);
                double[] exp = org.conex.runtime.JsonValues.flatten(rows.get(r));
                Recording rec = got.get(r);
                if (exp.length != rec.values().length) {
                    return new CaseResult(name, Status.FAIL, key + " step " + step + ": " + rec.values().length
                            + " values, expected " + exp.length);
                }
                for (int i = 0; i < exp.length; i++) {
                    double g = rec.values()[i];
                    if (rec.exact()) {
                        if (g != exp[i]) {
                            return new CaseResult(name, Status.FAIL, key + " step " + step + " index " + i + ": "
                                    + fmt(g) + " != " + fmt(exp[i]) + " (exact)");
                        }
                        continue;
                    }
                    double err = Math.abs(g - exp[i]);
                    double bound = abs + rel * Math.abs(exp[i]);
                    double ratio = Double.isNaN(g) ? Double.POSITIVE_INFINITY : (bound > 0 ? err / bound
                            : (err == 0 ? 0 : Double.POSITIVE_INFINITY));
                    if (ratio > worstRatio) {
                        worstRatio = ratio;
                        worst = key + " step " + step + " index " + i + ": got " + fmt(g) + ", expected " + fmt(exp[i])
                                + ", error " + String.format("%.3g", err) + " / tolerance " + String.format("%.3g", bound);
                    }
                }
            }
        }
        if (worstRatio > 1) {
            return new CaseResult(name, Status.FAIL, worst);
        }
        return new CaseResult(name, Status.PASS, "");
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return (double) (float) d == d ? Float.toString((float) d) : Double.toString(d);
    }

    /** Runs every case; results in file order. */
    public List<CaseResult> runAll(List<Path> files) {
        List<CaseResult> out = new ArrayList<>();
        for (Path p : files) {
            out.add(run(p));
        }
        return out;
    }

    /** The summary line {@code N passed, M failed[, K unsupported]}. */
    public static String summary(List<CaseResult> results) {
        long pass = results.stream().filter(r -> r.status() == Status.PASS).count();
        long fail = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long uns = results.stream().filter(r -> r.status() == Status.UNSUPPORTED).count();
        return pass + " passed, " + fail + " failed" + (uns > 0 ? ", " + uns + " unsupported" : "");
    }

    static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, k, a.length);
            k += a.length;
        }
        return out;
    }

    static String shape(double[] a) {
        return Arrays.toString(new int[] {a.length});
    }
}
