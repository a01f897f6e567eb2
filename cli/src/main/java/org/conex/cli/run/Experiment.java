package org.conex.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.conex.api.ConexException;
import org.conex.api.model.Network;
import org.conex.api.tensor.KernelThreads;
import org.conex.runtime.BehaviorFailure;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.Simulation;
import org.conex.runtime.checkpoint.Checkpoint;
import org.conex.runtime.model.ModelBuilder;
import org.conex.runtime.model.ModelInvalidException;
import org.conex.runtime.model.ModelProblem;
import org.conex.runtime.model.ModelReader;
import org.conex.runtime.model.ModelSpec;
import org.conex.runtime.model.ModelWriter;
import org.conex.runtime.recording.RecordingSession;

/**
 * One run of a model in a {@link RunFolder}: builds and initialises the network (or restores it
 * from a checkpoint), streams recordings, and steps to {@code run.steps}. Every
 * {@code check_every} steps it scans the state for NaN/Inf; every {@code flush_every} steps it
 * flushes the recordings; every {@code checkpoint_every} steps it flushes and writes
 * {@code checkpoints/step-N.npz} (keeping the newest few).
 *
 * <p>A behavior that throws, or NaN/Inf in the state, stops the run cleanly: the recordings are
 * flushed, {@code checkpoints/failed-step-N.npz} is written (the state at the failure, for
 * inspection; resume from the last periodic checkpoint) and the outcome says which behavior,
 * object, step and variable (for NaN/Inf found by the periodic check, after a deterministic replay
 * by {@link NanLocator} from the newest state known to be finite). A stop request (Ctrl-C) ends after the current step with
 * {@code checkpoints/interrupted-step-N.npz}, from which the run can be resumed.
 */
public final class Experiment {
    /** How a run ended. */
    public enum Status { COMPLETED, FAILED, INTERRUPTED }

    /**
     * The end of a run.
     *
     * @param status          how it ended
     * @param lastStep        the last completed step
     * @param message         what happened (the failure, or a summary)
     * @param finalCheckpoint the checkpoint written at the end (failure or interruption), or null
     */
    public record Outcome(Status status, long lastStep, String message, Path finalCheckpoint) {
    }

    private final BehaviorRegistry registry;
    private final ModelReader reader;
    private final ModelSpec spec;
    private final String source;
    private final RunFolder folder;
    private final RunLog log;
    private final Progress progress;
    private final JsonNode core;
    private final RunCheckpoints checkpoints;
    private final KernelThreads kernelThreads;
    private NonFinite nonFinite;

    /** Wall-clock budget of the replay that names the behavior which wrote NaN/Inf (ms). */
    static final long REPLAY_BUDGET_MS = 60_000;

    /**
     * @param keepCheckpoints periodic checkpoints kept (older ones are deleted), at least 1
     * @param kernelThreads   the threads the network's large kernels may use (the results do not
     *                        depend on them)
     */
    public Experiment(BehaviorRegistry registry, ModelReader reader, ModelSpec spec, String source, RunFolder folder,
                      RunLog log, Progress progress, int keepCheckpoints, KernelThreads kernelThreads) {
        this.kernelThreads = Objects.requireNonNull(kernelThreads, "kernelThreads");
        this.registry = registry;
        this.reader = reader;
        this.spec = spec;
        this.source = source;
        this.folder = folder;
        this.log = log;
        this.progress = progress;
        this.core = ModelWriter.core(spec);
        this.checkpoints = new RunCheckpoints(folder.checkpoints(), log, spec.name(), ModelWriter.toTree(spec), core,
                this::providers, keepCheckpoints);
    }

    /** Behavior types used by the model with version and provider ("1.0.0 from X"). */
    public Map<String, String> providers() {
        Map<String, String> m = new LinkedHashMap<>();
        List<org.conex.runtime.model.BehaviorSpec> all = new ArrayList<>(spec.network().behaviors());
        spec.groups().forEach(g -> all.addAll(g.behaviors()));
        spec.synapses().forEach(s -> all.addAll(s.behaviors()));
        for (org.conex.runtime.model.BehaviorSpec b : all) {
            List<BehaviorRegistry.Registration> r = registry.registrations(b.type());
            m.putIfAbsent(b.type(), b.version() + (r.isEmpty() ? "" : " from " + r.get(0).source()));
        }
        for (org.conex.runtime.model.SectionEntry e : spec.structures()) {
            reader.extensionFor(e).ifPresent(x -> m.putIfAbsent("structures: " + x.describe(), "installed"));
        }
        for (org.conex.runtime.model.SectionEntry e : spec.inputs()) {
            reader.extensionFor(e).ifPresent(x -> m.putIfAbsent("inputs: " + x.describe(), "installed"));
        }
        return m;
    }

    /**
     * Builds and initialises the model once without running or writing anything, and checks its
     * recorders: what {@link #run} would refuse before its first step. For continuing a run in
     * place, where a refusal must leave the run folder as it was.
     *
     * @throws ModelInvalidException naming each problem
     */
    public static void check(BehaviorRegistry registry, ModelReader reader, ModelSpec spec, String source) {
        Network net = new ModelBuilder(registry, reader).build(spec, source);
        initialize(new Simulation(net), spec, source);
        List<ModelProblem> problems = RecordingSession.check(spec.recorders(), net);
        if (!problems.isEmpty()) {
            throw new ModelInvalidException(source, problems);
        }
    }

    /** Both initialization passes; a behavior refusing its parameters is a model problem at its path. */
    private static void initialize(Simulation sim, ModelSpec spec, String source) {
        try {
            sim.initialize();
        } catch (BehaviorFailure e) {
            if (e.getCause() instanceof ConexException) {
                String path = spec.behaviorPath(e.entry().owner().tag(), e.entry().priority());
                throw new ModelInvalidException(source, List.of(new ModelProblem(path != null ? path
                        : "initialization", e.getMessage())));
            }
            throw e;
        }
    }

    /**
     * Runs to {@code run.steps}.
     *
     * @param resume  a checkpoint to continue from, or null
     * @param inPlace whether the recordings continue the checkpoint's files (same run folder)
     * @param stop    set to request a clean stop after the current step
     * @throws ModelInvalidException if the network cannot be built or initialised, or a recorder names
     *                               a variable that does not exist (nothing ran)
     * @throws org.conex.runtime.checkpoint.CheckpointException if the checkpoint does not fit
     */
    public Outcome run(Checkpoint resume, boolean inPlace, AtomicBoolean stop) {
        Network net = new ModelBuilder(registry, reader).build(spec, source);
        net.setKernelThreads(kernelThreads);
        log.detail(org.conex.cli.Summary.of(spec, net));
        Simulation sim = new Simulation(net);
        initialize(sim, spec, source);
        for (String w : net.warnings()) {
            log.info("warning: " + w);
        }
        if (resume != null) {
            resume.checkCompatible(core);
            resume.restoreInto(net);
            log.info("resumed from " + resume.file() + " at step " + resume.step());
        }
        RecordingSession rec;
        try {
            rec = new RecordingSession(folder.recordings(), spec.recorders(), net,
                    resume != null && inPlace ? resume.recordings() : null);
        } catch (ModelInvalidException e) {
            throw new ModelInvalidException(source, e.problems());
        }
        sim.addListener(rec);
        nonFinite = null;
        Outcome out;
        try {
            out = loop(sim, net, rec, stop);
        } finally {
            try {
                rec.close();
            } catch (RuntimeException e) {
                log.info("conex: closing the recordings failed: " + e.getMessage());
            }
        }
        if (nonFinite == null) {
            return out;
        }
        // The failed run's network is no longer needed: let it go before the replay builds another.
        sim = null;
        net = null;
        rec = null;
        return new Outcome(out.status(), out.lastStep(), out.message() + "; " + locate(nonFinite, resume),
                out.finalCheckpoint());
    }

    /** Where NaN/Inf was found: the failing check's step and the last step known finite. */
    private record NonFinite(long step, long lastGood) {
    }

    /**
     * Names the behavior that wrote the first NaN/Inf by replaying from the newest state known to be
     * finite ({@link NanLocator}).
     */
    private String locate(NonFinite nf, Checkpoint resume) {
        Path origin = checkpoints.newestAtOrBefore(nf.lastGood());
        if (origin == null && resume != null && resume.step() <= nf.lastGood()) {
            origin = resume.file();
        }
        Path from = origin;
        log.info("conex: locating the behavior that wrote NaN/Inf by replaying from " + (from == null
                ? "the initial state" : "step " + Checkpoint.open(from).step() + " (" + from.getFileName() + ")"));
        try {
            return new NanLocator(() -> replayOrigin(from), REPLAY_BUDGET_MS).locate(nf.step());
        } catch (RuntimeException e) {
            return "the replay that would name the behavior failed: " + e.getMessage();
        }
    }

    private Simulation replayOrigin(Path checkpoint) {
        Network n = new ModelBuilder(registry, reader).build(spec, source);
        n.setKernelThreads(kernelThreads); // the same results, in the time of the run itself
        Simulation s = new Simulation(n);
        s.initialize();
        if (checkpoint != null) {
            Checkpoint.open(checkpoint).restoreInto(n);
        }
        return s;
    }

    private Outcome loop(Simulation sim, Network net, RecordingSession rec, AtomicBoolean stop) {
        long last = spec.run().steps();
        long checkEvery = spec.run().checkEvery();
        long flushEvery = spec.run().flushEvery();
        long ckEvery = spec.run().checkpointEvery();
        long lastGood = net.iteration();
        int warned = net.warnings().size();
        progress.start(net.iteration() + 1, last);
        try {
            String initial = checkEvery > 0 ? StateHealth.firstNonFinite(net) : null;
            if (initial != null) {
                // no step has run: there is no finite state to replay from, and no behavior's forward to blame
                progress.finish(net.iteration());
                return fail(net, rec, "NaN/Inf in the state before step " + (net.iteration() + 1) + " (as initialised"
                        + (net.iteration() > 0 ? " or restored" : "") + "): " + initial);
            }
            while (net.iteration() < last) {
                if (stop.get()) {
                    progress.finish(net.iteration());
                    Path cp = checkpoints.writeFinal(net, rec, "interrupted-step-", "interrupted by the user");
                    return new Outcome(Status.INTERRUPTED, net.iteration(), "interrupted after step " + net.iteration()
                            + "; resume with --resume " + cp, cp);
                }
                sim.step();
                long t = net.iteration();
                if (net.warnings().size() > warned) {
                    // a behavior warned during the step (e.g. a dataset's later batch): shown like the initial ones
                    for (String w : net.warnings().subList(warned, net.warnings().size())) {
                        log.info("warning at step " + t + ": " + w);
                    }
                    warned = net.warnings().size();
                }
                if (checkEvery > 0 && (t % checkEvery == 0 || t == last)) {
                    String bad = StateHealth.firstNonFinite(net);
                    if (bad != null) {
                        progress.finish(t);
                        String msg = "NaN/Inf found after step " + t + " (checked every " + checkEvery + " steps; the"
                                + " state was finite after step " + lastGood + "): " + bad;
                        Outcome failed = fail(net, rec, msg);
                        nonFinite = new NonFinite(t, lastGood);
                        return failed;
                    }
                    lastGood = t;
                }
                if (ckEvery > 0 && t % ckEvery == 0) {
                    rec.flush();
                    checkpoints.writePeriodic(net, rec, lastGood);
                } else if (t % flushEvery == 0) {
                    rec.flush();
                }
                progress.step(t);
            }
            rec.flush();
            progress.finish(net.iteration());
            return new Outcome(Status.COMPLETED, net.iteration(), "completed " + net.iteration() + " steps", null);
        } catch (BehaviorFailure e) {
            progress.finish(net.iteration());
            return fail(net, rec, e.getMessage());
        } catch (UncheckedIOException e) {
            progress.finish(net.iteration());
            return fail(net, rec, "writing results failed: " + e.getMessage());
        } catch (org.conex.api.ModelException e) {
            // a recording refused a sample (a variable changed its type or shape); behaviors' own
            // failures are BehaviorFailure above, a checkpoint that cannot be written goes to the caller
            progress.finish(net.iteration());
            return fail(net, rec, e.getMessage());
        }
    }

    private Outcome fail(Network net, RecordingSession rec, String message) {
        log.info("conex: run failed: " + message);
        Path cp = checkpoints.writeFinal(net, rec, "failed-step-", "failure: " + message);
        return new Outcome(Status.FAILED, net.iteration(), message, cp);
    }
}
