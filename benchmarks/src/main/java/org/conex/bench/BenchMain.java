package org.conex.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.conex.runtime.KernelThreadPool;

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
 * <p>Run it with {@code OMP_NUM_THREADS=1} and a heap cap ({@code benchmarks/bench.sh} and {@code bin/conex bench} do), as the
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
        List<String> passOn = new ArrayList<>();
        int runs = 5;
        int warmups = 1;
        double warmupSeconds = BenchRunner.WARMUP_SECONDS;
        Path json = null;
        boolean profile = false;
        boolean sameJvm = false;
        boolean child = false;
        KernelThreadPool pool = null;
        int threads = KernelThreadPool.threadsFor(0);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs": runs = positive(args, ++i, "--runs"); passOn.addAll(List.of("--runs", args[i])); break;
                    case "--warmup": warmups = positive(args, ++i, "--warmup"); passOn.addAll(List.of("--warmup", args[i])); break;
                    case "--warmup-seconds":
                        warmupSeconds = seconds(args, ++i, "--warmup-seconds");
                        passOn.addAll(List.of("--warmup-seconds", args[i]));
                        break;
                    case "--threads":
                        threads = threads(args, ++i);
                        passOn.addAll(List.of("--threads", args[i]));
                        break;
                    case "--json": json = Path.of(value(args, ++i, "--json")); break;
                    case "--profile": profile = true; passOn.add("--profile"); break;
                    case "--same-jvm": sameJvm = true; break;
                    case ForkedRuns.CHILD_OPTION: child = true; break;
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
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode doc = mapper.createObjectNode();
            doc.put("java", System.getProperty("java.version"));
            doc.put("cpus", Runtime.getRuntime().availableProcessors());
            doc.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
            doc.put("threads", workloads.isEmpty() ? 1 : threads); // the scaling table runs on one
            int status = 0;
            if (!child && (workloads.size() > 1 && !sameJvm)) {
                out.println(threadsLine(threads));
            }
            if (workloads.size() > 1 && !sameJvm) {
                status = forked(workloads, passOn, doc, mapper, out, err);
            } else if (!workloads.isEmpty()) {
                pool = new KernelThreadPool(threads);
                BehaviorRegistry registry = BehaviorRegistry.fromClassPath();
                startup.mark("registry_loaded");
                BenchRunner runner = new BenchRunner(registry, startup, warmupSeconds, pool);
                ArrayNode list = doc.putArray("workloads");
                if (!child) {
                    out.println(threadsLine(threads));
                    out.println(header());
                }
                for (Workload w : workloads) {
                    BenchResult r = runner.run(w, warmups, runs);
                    out.println(line(r));
                    status = r.deterministic() ? status : 1;
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
                doc.put("startup_workload", workloads.get(0).name());
                doc.set("startup_seconds_since_jvm_start", mapper.valueToTree(startup.marks()));
                if (!child) {
                    out.println(startupLine(doc));
                }
            }
            if (scaling) {
                // One thread: the table reports the CPU time of the stepping thread per step.
                doc.set("scaling", mapper.valueToTree(new ScalingTable(BehaviorRegistry.fromClassPath()).run(out)));
            }
            if (json != null) {
                mapper.writeValue(json.toFile(), doc);
                if (!child) {
                    out.println("wrote " + json);
                }
            }
            return status;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            usage(err);
            return 2;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static String threadsLine(int threads) {
        return "kernel threads: " + threads + (threads == 1 ? "" : " (the caller and " + (threads - 1)
                + " helper" + (threads == 2 ? "" : "s") + "; --threads 1 for one)");
    }

    private static int threads(String[] args, int i) {
        String v = value(args, i, "--threads");
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > KernelThreadPool.MAX_THREADS) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threads needs an integer from 1 to " + KernelThreadPool.MAX_THREADS
                    + ", found '" + v + "'");
        }
    }

    /**
     * Runs each workload in its own JVM ({@link ForkedRuns}) and merges their JSON into
     * {@code doc}; the start-up line is the first workload's.
     *
     * @return 0, 1 if a workload's runs disagreed, 2 if a child failed
     */
    private static int forked(List<Workload> workloads, List<String> passOn, ObjectNode doc, ObjectMapper mapper,
                              PrintStream out, PrintStream err) throws IOException {
        ForkedRuns fork = new ForkedRuns(passOn, out, err, mapper);
        ArrayNode list = doc.putArray("workloads");
        out.println(header());
        out.flush();
        int status = 0;
        JsonNode first = null;
        for (Workload w : workloads) {
            ForkedRuns.Child c = fork.run(w.name());
            if (c.status() != 0 && c.status() != 1 || c.json() == null) {
                err.println("bench: workload " + w.name() + " failed (exit status " + c.status() + ")");
                status = 2;
                continue;
            }
            status = Math.max(status, c.status());
            c.json().path("workloads").forEach(list::add);
            if (first == null) {
                first = c.json();
                doc.set("startup_workload", first.path("startup_workload"));
                doc.set("startup_seconds_since_jvm_start", first.path("startup_seconds_since_jvm_start"));
            }
        }
        if (first != null) {
            out.println(startupLine(doc));
        }
        return status;
    }

    /** The start-up milestones of {@code doc} as one line. */
    private static String startupLine(JsonNode doc) {
        StringBuilder st = new StringBuilder();
        doc.path("startup_seconds_since_jvm_start").fields().forEachRemaining(m -> st.append(
                String.format(Locale.ROOT, "%s %.2f s, ", m.getKey().replace('_', ' '), m.getValue().asDouble())));
        return "start-up (" + doc.path("startup_workload").asText() + ", seconds since JVM start): "
                + (st.length() > 2 ? st.substring(0, st.length() - 2) : "");
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

    private static double seconds(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a non-negative number of seconds, found '" + v + "'");
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: bench [NAME...] [--runs N] [--warmup N] [--warmup-seconds S] [--threads N] [--json FILE] [--profile]"
                + " [--same-jvm]");
        s.println("  NAME: " + String.join(", ", Workloads.names()) + ", conex (1k, 4k, 10k), all (default),");
        s.println("        scaling (cost per step against size and connectivity)");
        s.println("  --runs N             measured runs per workload (default 5; the median is reported)");
        s.println("  --warmup N           at least N unmeasured runs first (default 1)");
        s.println("  --warmup-seconds S   ... and at least S seconds of warm-up simulation (default "
                + BenchRunner.WARMUP_SECONDS + "; the warm-up stops after " + BenchRunner.MAX_WARMUP_WALL_SECONDS
                + " s of wall time, builds included)");
        s.println("  --threads N          kernel threads (default: one per available processor, at most 8; results are the");
        s.println("                       same for every N, only the time changes)");
        s.println("  --json FILE          also write the results as JSON");
        s.println("  --profile            also time one run behavior by behavior (where the time goes)");
        s.println("  --same-jvm           run all workloads in this JVM (default: each in its own JVM,");
        s.println("                       same java, options and class path, as a user's run would be)");
    }
}
