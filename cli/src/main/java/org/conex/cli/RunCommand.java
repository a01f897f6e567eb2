package org.conex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import org.conex.cli.run.Experiment;
import org.conex.cli.run.Progress;
import org.conex.cli.run.RunFolder;
import org.conex.cli.run.RunLog;
import org.conex.runtime.KernelThreadPool;
import org.conex.runtime.checkpoint.Checkpoint;
import org.conex.runtime.checkpoint.CheckpointException;
import org.conex.runtime.model.ModelInvalidException;
import org.conex.runtime.model.ModelSource;
import org.conex.runtime.model.ModelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conex run [MODEL]}: runs a model (the built-in example when MODEL is omitted) into a run
 * folder, with progress, streamed recordings, periodic checkpoints and a clean stop on failure.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a model file (default: the built-in example) and write a run folder",
            "runs/NAME-YYYYMMDD-HHMMSS/ with the model, the resolved model, run.json, run.log,",
            "recordings/*.npy (numpy.load) and checkpoints/*.npz."},
        footer = {"", "Examples:", "  conex run                              the default example",
            "  conex run my-model.yaml --steps 5000 --set exc.tau=20",
            "  conex run my-model.yaml --checkpoint-every 1000",
            "  conex run --resume runs/my-model-20250101-120000/checkpoints/step-3000.npz", "",
            "Exit codes: 0 completed, 1 run failed (final checkpoint written), 2 invalid model or options,",
            "3 checkpoint unusable, 4 cannot read the model or create the run folder, 130 interrupted."})
final class RunCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "Model file (.json, .yaml). Omitted: the built-in example, or the model stored in"
                    + " the --resume checkpoint.")
    Path model;

    @Mixin
    ModelOptions options = new ModelOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create (new or empty) instead of"
            + " runs/NAME-TIMESTAMP.")
    Path out;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Where run folders are created (default: runs).")
    Path runsDir = Path.of("runs");

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = {"Continue from a checkpoint (.npz).",
        "Inside a run folder (RUN/checkpoints/...) the run continues in that folder and its",
        "recordings; run.steps is the total step count to reach."})
    Path resume;

    @Option(names = "--progress", paramLabel = "MODE", description = "auto (bar on a terminal, log lines otherwise),"
            + " bar, log or none (default: auto).")
    String progressMode = "auto";

    @Option(names = "--keep-checkpoints", paramLabel = "N", description = "Periodic checkpoints kept (default 3).")
    int keep = 3;

    @Option(names = "--threads", paramLabel = "N", description = {"Threads for the large per-step kernels (default:",
        "one per available processor, at most 8). The results are the same for every N."})
    Integer threads;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!java.util.List.of("auto", "bar", "log", "none").contains(progressMode)) {
            ctx.error("--progress expects auto, bar, log or none, found '" + progressMode + "'");
            return ExitCode.INVALID;
        }
        String badThreads = ThreadsOption.problem(threads);
        if (badThreads != null) {
            ctx.error(badThreads);
            return ExitCode.INVALID;
        }
        Checkpoint checkpoint = null;
        if (resume != null) {
            try {
                checkpoint = Checkpoint.open(ModelLoading.resolve(ctx, resume));
            } catch (CheckpointException e) {
                ctx.error(e.getMessage());
                return ExitCode.CHECKPOINT;
            }
        }
        ModelLoading.Loaded m;
        try {
            if (model == null && checkpoint != null) {
                byte[] json = checkpoint.model().toString().getBytes(StandardCharsets.UTF_8);
                ModelSource.Document doc = ModelSource.parse("model in " + checkpoint.file().getFileName(), json,
                        ModelSource.Format.JSON);
                m = ModelLoading.check(ctx, doc, options, checkpoint.model().path("name").asText("resumed"),
                        baseOf(checkpoint));
            } else {
                m = ModelLoading.load(ctx, model, options);
            }
        } catch (ModelInvalidException e) {
            ctx.err().println(e.getMessage());
            return ModelLoading.unreadable(e) ? ExitCode.IO : ExitCode.INVALID;
        }
        if (checkpoint != null && m.spec().run().steps() <= checkpoint.step()) {
            ctx.error("the checkpoint is at step " + checkpoint.step() + " and the run ends at step "
                    + m.spec().run().steps() + "; nothing to do (give --steps N with N > " + checkpoint.step() + ")");
            return ExitCode.INVALID;
        }
        if (checkpoint != null) {
            // before anything is written: a refused checkpoint must leave its run folder as it was
            try {
                checkpoint.checkCompatible(ModelWriter.core(m.spec()));
            } catch (CheckpointException e) {
                ctx.err().println("conex: " + e.getMessage());
                return ExitCode.CHECKPOINT;
            }
        }
        Path inPlace = checkpoint != null && out == null ? RunFolder.ofCheckpoint(checkpoint.file()) : null;
        if (inPlace != null) {
            // continuing a run in its own folder: whatever would refuse the model must do so before
            // its run.json and resolved model are touched
            try {
                Experiment.check(ctx.registry(), m.reader(), m.spec(), m.document().name());
            } catch (ModelInvalidException e) {
                ctx.err().println(e.getMessage());
                return ExitCode.INVALID;
            }
        }
        RunFolder folder;
        boolean fresh = inPlace == null;
        // --out may name an existing empty folder: it stays (emptied again) if the model proves invalid
        boolean keepDir = out != null && java.nio.file.Files.isDirectory(ModelLoading.resolve(ctx, out));
        // the outermost folder this command creates on the way to the run folder (--out a/b/c with no
        // a, or a runs/ that is missing): removed with the run folder if the model proves invalid
        Path created = fresh ? firstMissing(ModelLoading.resolve(ctx, out != null ? out : runsDir)) : null;
        try {
            if (inPlace != null) {
                folder = RunFolder.existing(inPlace);
            } else if (out != null) {
                folder = RunFolder.at(ModelLoading.resolve(ctx, out));
            } else {
                folder = RunFolder.createIn(ModelLoading.resolve(ctx, runsDir), m.spec().name(), LocalDateTime.now());
            }
            if (inPlace == null) {
                folder.writeModel(m.document().text(), m.document().format() == ModelSource.Format.JSON);
            }
            folder.writeResolved(ModelWriter.toJson(m.spec()));
        } catch (IOException | UncheckedIOException e) {
            ctx.error("cannot create the run folder: " + reason(e instanceof UncheckedIOException ? e.getCause() : e));
            return ExitCode.IO;
        }
        int code;
        try (RunLog log = new RunLog(folder.log(), ctx.err())) {
            code = execute(m, folder, log, checkpoint, inPlace != null);
        } catch (IOException e) {
            ctx.error("cannot write the run log in " + folder.dir() + ": " + e.getMessage());
            return ExitCode.IO;
        }
        if (code == ExitCode.INVALID && fresh) {
            // the model turned out invalid when built (initialization, recorders): nothing ran, so the
            // new folder holds nothing but the failure, which was printed; an invalid model writes nothing
            removeFolder(folder.dir(), keepDir, created);
        }
        return code;
    }

    /** The outermost of {@code p} and its ancestors that does not exist, or null if p exists. */
    static Path firstMissing(Path p) {
        Path missing = null;
        // notExists: only a folder confirmed absent counts, never one whose state could not be read
        for (Path q = p.toAbsolutePath().normalize(); q != null && java.nio.file.Files.notExists(q,
                java.nio.file.LinkOption.NOFOLLOW_LINKS); q = q.getParent()) {
            missing = q;
        }
        return missing;
    }

    /**
     * An I/O failure in words: the JDK's file exceptions carry only the path as their message
     * ("/proc/nope"), so the kind of failure is added ("permission denied", "a file is in the way").
     */
    static String reason(Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return e.getMessage() + ": a file is in the way";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return e.getMessage() + ": a folder on the way does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException) {
            java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Deletes what this command wrote into a run folder it created, or filled when it was empty
     * ({@code keepDir}: the folder itself stays), and the empty folders it created on the way, up
     * to {@code created} (null: none); reports what could not be removed.
     */
    private void removeFolder(Path given, boolean keepDir, Path created) {
        Path dir;
        try {
            dir = keepDir ? given.toRealPath() : given; // a link to the user's folder: empty the folder itself
        } catch (IOException e) {
            ctx.error("could not remove the run folder " + given + ": " + reason(e));
            return;
        }
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                if (!(keepDir && p.equals(dir))) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
            ctx.err().println("conex: nothing was run; " + (keepDir ? "emptied the run folder " : "removed the run folder ")
                    + given);
            Path top = created == null ? null : created.toAbsolutePath().normalize();
            for (Path p = dir.toAbsolutePath().normalize().getParent(); top != null && p != null && p.startsWith(top);
                    p = p.getParent()) {
                try {
                    java.nio.file.Files.delete(p); // created by this command for the run folder
                } catch (IOException e) {
                    break; // another run writes there too, or removed it already: it stays as it is
                }
            }
        } catch (IOException | UncheckedIOException e) {
            ctx.error("could not remove the run folder " + dir + ": " + e.getMessage());
        }
    }

    private int execute(ModelLoading.Loaded m, RunFolder folder, RunLog log, Checkpoint checkpoint, boolean inPlace)
            throws IOException {
        KernelThreadPool pool = new KernelThreadPool(ThreadsOption.count(threads));
        try {
            return run(m, checkpoint, inPlace, folder, log, pool);
        } finally {
            pool.close();
        }
    }

    private int run(ModelLoading.Loaded m, Checkpoint checkpoint, boolean inPlace, RunFolder folder, RunLog log,
                    KernelThreadPool pool) throws IOException {
        Experiment exp = new Experiment(ctx.registry(), m.reader(), m.spec(), m.document().name(), folder, log,
                Progress.forMode(progressMode, ctx.err()), keep, pool);
        ObjectNode info = inPlace ? folder.readRunInfo() : RunFolder.newInfo();
        info.put("name", m.spec().name());
        info.put("model", m.document().name());
        info.put("seed", m.spec().network().seed());
        info.put("base_dir", String.valueOf(m.base()));
        info.put("steps", m.spec().run().steps());
        info.put("status", "running");
        info.put("started", LocalDateTime.now().toString());
        info.put("java", System.getProperty("java.version"));
        info.put("kernel_threads", pool.count());
        if (checkpoint != null) {
            info.put("resumed_from", checkpoint.file().toString());
        }
        ObjectNode prov = info.putObject("providers");
        exp.providers().forEach(prov::put);
        folder.writeRunInfo(info);
        log.info("run '" + m.spec().name() + "': " + m.spec().run().steps() + " steps, seed " + m.spec().network().seed()
                + ", " + pool.count() + " kernel thread" + (pool.count() == 1 ? "" : "s") + ", folder " + folder.dir());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "conex-stop");
        boolean hooked = addHook(hook);
        long t0 = System.nanoTime();
        Experiment.Outcome o;
        int code;
        try {
            o = exp.run(checkpoint, inPlace, stop);
            code = o.status() == Experiment.Status.COMPLETED ? ExitCode.OK
                    : o.status() == Experiment.Status.INTERRUPTED ? ExitCode.INTERRUPTED : ExitCode.RUN_FAILED;
        } catch (ModelInvalidException e) {
            log.info(e.getMessage());
            o = new Experiment.Outcome(Experiment.Status.FAILED, 0, e.getMessage(), null);
            code = ExitCode.INVALID;
        } catch (CheckpointException e) {
            log.info("conex: " + e.getMessage());
            o = new Experiment.Outcome(Experiment.Status.FAILED, 0, e.getMessage(), null);
            code = ExitCode.CHECKPOINT;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            log.info("conex: cannot continue the recordings: " + e.getMessage());
            o = new Experiment.Outcome(Experiment.Status.FAILED, 0, e.getMessage(), null);
            code = checkpoint != null ? ExitCode.CHECKPOINT : ExitCode.IO;
        } catch (RuntimeException e) {
            done.countDown();
            if (hooked) {
                removeHook(hook);
            }
            throw e;
        }
        try {
            finish(info, o, code, folder, log, t0);
        } finally {
            done.countDown(); // a stop request waits for this: run.json and the log are complete
            if (hooked) {
                removeHook(hook);
            }
        }
        return code;
    }

    private void finish(ObjectNode info, Experiment.Outcome o, int code, RunFolder folder, RunLog log, long t0)
            throws IOException {
        double secs = (System.nanoTime() - t0) / 1e9;
        info.put("status", code == ExitCode.OK ? "completed" : code == ExitCode.INTERRUPTED ? "interrupted" : "failed");
        info.put("last_step", o.lastStep());
        info.put("finished", LocalDateTime.now().toString());
        info.put("seconds", Math.round(secs * 1000) / 1000.0);
        info.put("exit_code", code);
        info.put("message", o.message());
        if (o.finalCheckpoint() != null) {
            info.put("final_checkpoint", o.finalCheckpoint().toString());
        }
        folder.writeRunInfo(info);
        if (code == ExitCode.OK) {
            log.info(String.format("completed %d steps in %.1f s; results in %s", o.lastStep(), secs, folder.dir()));
            try {
                for (String line : org.conex.cli.plot.RunSummary.describe(org.conex.cli.plot.RunData.open(folder.dir()),
                        o.lastStep())) {
                    log.info("  " + line);
                }
            } catch (IOException | RuntimeException e) {
                log.detail("no summary: " + e.getMessage());
            }
            log.info(String.format("  recordings: %s (numpy.load)%n  plots: conex plot %s", folder.recordings(),
                    folder.dir()));
        } else if (code == ExitCode.RUN_FAILED || code == ExitCode.INTERRUPTED) {
            log.info("run stopped after step " + o.lastStep() + ": " + o.message() + "\n  results so far in "
                    + folder.dir());
        }
    }

    /** The data folder the checkpoint's run used (run.json "base_dir"), else the default data folder. */
    private Path baseOf(Checkpoint checkpoint) {
        Path run = RunFolder.ofCheckpoint(checkpoint.file());
        if (run != null) {
            try {
                String b = RunFolder.existing(run).readRunInfo().path("base_dir").asText("");
                if (!b.isEmpty()) {
                    return Path.of(b);
                }
            } catch (IOException e) {
                // fall through to the default
            }
        }
        return ModelLoading.dataDirectory(ctx);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down already
        }
    }
}
