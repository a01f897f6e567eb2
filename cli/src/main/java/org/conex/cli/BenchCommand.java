package org.conex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.conex.api.model.Network;
import org.conex.bench.BenchMain;
import org.conex.runtime.KernelThreadPool;
import org.conex.runtime.Simulation;
import org.conex.runtime.model.ModelBuilder;
import org.conex.runtime.model.ModelInvalidException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conex bench [NAME...]}: the benchmark suite of docs/performance.md, run by
 * {@link BenchMain#run} (the paper's Simple LIF and Izhikevich networks and the CoNeX cortical
 * workload at 1k, 4k and 10k neurons, or the scaling table), each workload in its own JVM;
 * {@code bin/conex} sets the launcher options the measurements assume (one ND4J thread, huge
 * pages, memory caps). {@code conex bench --model FILE}: a quick throughput measurement of one model
 * file (steps per second after a warm-up, without recording).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the benchmark workloads of docs/performance.md (default: all), each in its",
            "own JVM, and print build and simulation seconds (median of the measured runs, min",
            "and max), CPU seconds, steps/s, synaptic events/s, peak resident memory and a",
            "deterministic summary. With --model: the steps/s of one model file instead.",
            "Writes nothing unless --json is given."},
        footer = {"", "NAME: simple-lif, izhikevich, conex-1k, conex-4k, conex-10k, conex (the three",
            "cortical sizes), all (default), scaling (cost per step against size and connectivity).",
            "", "Exit codes: 0 ok, 1 a workload's runs disagreed or the model failed while running,",
            "2 usage error or invalid model."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Workloads to run (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N",
            description = "Measured runs per workload (default 5; the median is reported).")
    Integer runs;

    @Option(names = "--warmup", paramLabel = "N",
            description = "At least N unmeasured runs first (default 1); with --model: warm-up steps (default 100).")
    Long warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S",
            description = "...and at least S seconds of warm-up simulation (default 2).")
    String warmupSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--profile", description = "Also time one run behavior by behavior (where the time goes).")
    boolean profile;

    @Option(names = "--same-jvm",
            description = "Run all workloads in this JVM (default: each in its own, as a user's run would be).")
    boolean sameJvm;

    @Option(names = "--threads", paramLabel = "N", description = {"Threads for the large per-step kernels (default:",
        "one per available processor, at most 8). The results are the same for every N."})
    Integer threads;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Measure this model file instead of the workloads (steps/s after a warm-up).")
    Path model;

    @Option(names = "--repeat", paramLabel = "R",
            description = "With --model: timed repetitions of run.steps steps (default 3).")
    int repeat = 3;

    @Mixin
    ModelOptions options = new ModelOptions();

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String badThreads = ThreadsOption.problem(threads);
        if (badThreads != null) {
            ctx.error(badThreads);
            return ExitCode.INVALID;
        }
        if (model != null) {
            if (!names.isEmpty()) {
                ctx.err().println("conex: bench takes workload names or --model, not both");
                return ExitCode.INVALID;
            }
            return benchModel(warmup == null ? 100 : warmup);
        }
        List<String> args = new ArrayList<>(names);
        if (runs != null) {
            args.addAll(List.of("--runs", runs.toString()));
        }
        if (warmup != null) {
            args.addAll(List.of("--warmup", warmup.toString()));
        }
        if (warmupSeconds != null) {
            args.addAll(List.of("--warmup-seconds", warmupSeconds));
        }
        if (json != null) {
            args.addAll(List.of("--json", ctx.workDir().resolve(json).toString()));
        }
        if (profile) {
            args.add("--profile");
        }
        if (sameJvm) {
            args.add("--same-jvm");
        }
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        int code = BenchMain.run(args.toArray(new String[0]), ctx.out(), ctx.err());
        ctx.out().flush();
        return code;
    }

    private int benchModel(long warmupSteps) {
        ModelLoading.Loaded m;
        Network net;
        try {
            m = ModelLoading.load(ctx, model, options);
            net = new ModelBuilder(ctx.registry(), m.reader()).build(m.spec(), m.document().name());
        } catch (ModelInvalidException e) {
            ctx.err().println(e.getMessage());
            return ExitCode.INVALID;
        }
        Simulation sim = new Simulation(net);
        KernelThreadPool pool = new KernelThreadPool(ThreadsOption.count(threads));
        net.setKernelThreads(pool);
        try {
            sim.initialize();
            sim.simulate(warmupSteps);
            long steps = m.spec().run().steps();
            ctx.out().printf("%s: %d neuron groups, %d synapse groups, %d steps per repetition, %d kernel thread%s%n",
                    m.spec().name(), net.neuronGroups().size(), net.synapseGroups().size(), steps, pool.count(),
                    pool.count() == 1 ? "" : "s");
            for (int r = 1; r <= repeat; r++) {
                long t0 = System.nanoTime();
                sim.simulate(steps);
                double s = (System.nanoTime() - t0) / 1e9;
                ctx.out().printf("  repetition %d: %.3f s, %.0f steps/s, %.3f ms/step%n", r, s, steps / s,
                        steps == 0 ? 0 : s * 1000 / steps);
            }
        } catch (RuntimeException e) {
            ctx.error("the model failed while running: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        } finally {
            pool.close();
        }
        return ExitCode.OK;
    }
}
