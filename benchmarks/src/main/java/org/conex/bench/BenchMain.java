package org.conex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conex.runtime.BehaviorRegistry;

/**
 * The benchmark command: {@code BenchMain [NAME...] [--runs N] [--warmup N] [--json FILE]}.
 *
 * <p>Names: {@code simple-lif}, {@code izhikevich}, {@code conex-1k}, {@code conex-4k},
 * {@code conex-10k}, {@code conex} (the three cortical sizes), {@code all} (default), and
 * {@code scaling} (the cost-per-step table of docs/performance.md, see {@link ScalingTable}). For
 * each workload it prints build seconds, simulation seconds (median of the measured runs, with min
 * and max), the simulating thread's CPU seconds, steps/s, synaptic events/s, peak resident memory
 * and the deterministic summary; {@code --json} also writes them as JSON. Defaults: 5 measured
 * runs after at least 1 warm-up run and 2 s of warm-up simulation; {@code --profile} adds a run timed behavior by behavior
 * ({@link StepProfile}). Exit status 0, 1 if a workload's runs disagreed, 2 on a usage error.
 *
 * <p>Run it with {@code OMP_NUM_THREADS=1} and a heap cap ({@code bench/run.sh} does), as the
 * platform launcher does.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command (callable from the CLI's {@code bench} sub-command).
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Startup startup = new Startup();
        startup.mark("command_entered");
        List<String> names = new ArrayList<>();
        int runs = 5;
        int warmups = 1;
        Path json = null;
        boolean profile = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs": runs = positive(args, ++i, "--runs"); break;
                    case "--warmup": warmups = positive(args, ++i, "--warmup"); break;
                    case "--json": json = Path.of(value(args, ++i, "--json")); break;
                    case "--profile": profile = true; break;
                    case "-h": case "--help": usage(out); return 0;
                    default:
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                        }
                        names.add(args[i]);
                }
            }
            boolean scaling = names.remove("scaling");
            List<Workload> workloads = names.isEmpty() && scaling ? List.of() : Workloads.select(names);
            BehaviorRegistry registry = BehaviorRegistry.fromClassPath();
            startup.mark("registry_loaded");
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode doc = mapper.createObjectNode();
            doc.put("java", System.getProperty("java.version"));
            doc.put("cpus", Runtime.getRuntime().availableProcessors());
            doc.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
            boolean allDeterministic = true;
            if (!workloads.isEmpty()) {
                BenchRunner runner = new BenchRunner(registry, startup);
                ArrayNode list = doc.putArray("workloads");
                out.println(header());
                for (Workload w : workloads) {
                    BenchResult r = runner.run(w, warmups, runs);
                    out.println(line(r));
                    allDeterministic &= r.deterministic();
                    ObjectNode node = mapper.valueToTree(r);
                    if (profile) {
                        List<StepProfile.Entry> p = runner.profile(w);
                        for (StepProfile.Entry e : p) {
                            if (e.percent() >= 0.5) {
                                out.printf(Locale.ROOT, "    %5.1f%%  %8.4f s  %s%n", e.percent(), e.seconds(), e.behavior());
                            }
                        }
                        node.set("profile", mapper.valueToTree(p));
                    }
                    list.add(node);
                }
                StringBuilder st = new StringBuilder();
                for (Map.Entry<String, Double> m : startup.marks().entrySet()) {
                    st.append(String.format(Locale.ROOT, "%s %.2f s, ", m.getKey().replace('_', ' '), m.getValue()));
                }
                out.println("start-up (" + workloads.get(0).name() + ", seconds since JVM start): "
                        + st.substring(0, st.length() - 2));
                doc.set("startup_seconds_since_jvm_start", mapper.valueToTree(startup.marks()));
            }
            if (scaling) {
                doc.set("scaling", mapper.valueToTree(new ScalingTable(registry).run(out)));
            }
            if (json != null) {
                mapper.writeValue(json.toFile(), doc);
                out.println("wrote " + json);
            }
            return allDeterministic ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            usage(err);
            return 2;
        } catch (IOException e) {
            err.println("bench: cannot write the JSON file: " + e.getMessage());
            return 2;
        }
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-11s %8s %25s %8s %10s %12s %9s  %s", "workload", "build s",
                "sim s median [min..max]", "cpu s", "steps/s", "syn.events/s", "peak RSS", "summary");
    }

    private static String line(BenchResult r) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Object> e : r.summary().entrySet()) {
            Object v = e.getValue();
            s.append(e.getKey()).append('=')
                    .append(v instanceof Double ? String.format(Locale.ROOT, "%.9f", (Double) v) : v).append(' ');
        }
        if (!r.deterministic()) {
            s.append("NOT DETERMINISTIC (runs disagree)");
        }
        return String.format(Locale.ROOT, "%-11s %8.2f %9.4f [%.4f..%.4f] %8.4f %10.0f %12.3g %8.0fM  %s", r.name(),
                r.buildSeconds(), r.simSeconds().median(), r.simSeconds().min(), r.simSeconds().max(),
                r.cpuSeconds().median(), r.stepsPerSecond(), r.eventsPerSecond(), r.peakResidentBytes() / 1048576.0,
                s.toString().trim());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || option.equals("--runs") && n == 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a " + (option.equals("--runs") ? "positive" : "non-negative")
                    + " integer, found '" + v + "'");
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: bench [NAME...] [--runs N] [--warmup N] [--json FILE] [--profile]");
        s.println("  NAME: " + String.join(", ", Workloads.names()) + ", conex (1k, 4k, 10k), all (default),");
        s.println("        scaling (cost per step against size and connectivity)");
        s.println("  --runs N     measured runs per workload (default 5; the median is reported)");
        s.println("  --warmup N   at least N unmeasured runs first (default 1; warm-up also lasts at least 2 s)");
        s.println("  --json FILE  also write the results as JSON");
        s.println("  --profile    also time one run behavior by behavior (where the time goes)");
    }
}
