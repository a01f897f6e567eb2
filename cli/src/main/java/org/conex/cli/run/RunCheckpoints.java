package org.conex.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.conex.api.behavior.Behavior;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.record.EventRecorder;
import org.conex.api.record.Recorder;
import org.conex.runtime.checkpoint.CheckpointWriter;
import org.conex.runtime.recording.RecordingSession;

/**
 * The checkpoints of one run in its {@code checkpoints/} folder: periodic ones
 * ({@code step-N.npz}, the newest few kept, plus the replay origin of {@link NanLocator}) and the
 * final one of a failed or interrupted run ({@code failed-step-N.npz},
 * {@code interrupted-step-N.npz}). Warns once about state that checkpoints do not save and about
 * in-memory recorders that make every checkpoint larger than the last.
 */
final class RunCheckpoints {
    private final Path dir;
    private final RunLog log;
    private final String modelName;
    private final JsonNode resolved;
    private final JsonNode core;
    private final Supplier<Map<String, String>> providers;
    private final int keep;
    private boolean warnedUnsaved;
    private boolean warnedUnbounded;

    /**
     * @param dir       the run folder's checkpoints folder
     * @param resolved  the resolved model, stored in every checkpoint
     * @param core      the part of the model a resumed run must match
     * @param providers behavior types with version and provider, stored as information
     * @param keep      periodic checkpoints kept (older ones are deleted), at least 1
     */
    RunCheckpoints(Path dir, RunLog log, String modelName, JsonNode resolved, JsonNode core,
                   Supplier<Map<String, String>> providers, int keep) {
        this.dir = dir;
        this.log = log;
        this.modelName = modelName;
        this.resolved = resolved;
        this.core = core;
        this.providers = providers;
        this.keep = Math.max(1, keep);
    }

    /**
     * Writes {@code step-N.npz} for the current step, then deletes all but the newest periodic
     * checkpoints, always keeping the newest one at or before {@code lastGood} (the last step the
     * NaN/Inf check found finite): a replay that names the behavior behind a later NaN starts there.
     *
     * @throws UncheckedIOException if the checkpoint cannot be written
     */
    void writePeriodic(Network net, RecordingSession rec, long lastGood) {
        write(net, rec, dir.resolve("step-" + net.iteration() + ".npz"), "periodic");
        try {
            List<Path> periodic = periodic();
            Path replayOrigin = newestAtOrBefore(periodic, lastGood);
            for (int i = 0; i < periodic.size() - keep; i++) {
                if (!periodic.get(i).equals(replayOrigin)) {
                    Files.deleteIfExists(periodic.get(i));
                }
            }
        } catch (IOException e) {
            log.info("conex: cannot remove old checkpoints: " + e.getMessage());
        }
    }

    /**
     * Flushes the recordings and writes {@code PREFIX<step>.npz} at the end of a run; never throws.
     *
     * @return the file, or null when it could not be written (said in the log)
     */
    Path writeFinal(Network net, RecordingSession rec, String prefix, String reason) {
        try {
            rec.flush();
        } catch (RuntimeException e) {
            log.info("conex: flushing the recordings failed: " + e.getMessage());
        }
        Path file = dir.resolve(prefix + net.iteration() + ".npz");
        try {
            write(net, rec, file, reason);
            log.info("final checkpoint: " + file);
            return file;
        } catch (RuntimeException e) {
            log.info("conex: the final checkpoint could not be written: " + e.getMessage());
            return null;
        }
    }

    /** The newest periodic checkpoint written at or before {@code step}, or null if none is left. */
    Path newestAtOrBefore(long step) {
        try {
            return newestAtOrBefore(periodic(), step);
        } catch (IOException e) {
            log.detail("cannot list checkpoints: " + e.getMessage());
            return null;
        }
    }

    private void write(Network net, RecordingSession rec, Path file, String reason) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("reason", reason);
        info.put("model_name", modelName);
        providers.get().forEach((k, v) -> info.put("provider " + k, v));
        try {
            List<String> skipped = CheckpointWriter.write(file, net, resolved, core, rec.positions(), info);
            if (!skipped.isEmpty() && !warnedUnsaved) {
                warnedUnsaved = true;
                log.detail("checkpoints do not save " + skipped + " (not arrays, numbers or Checkpointable); a run"
                        + " resumed from a checkpoint re-creates them from the model");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
        log.detail("checkpoint " + file.getFileName() + " at step " + net.iteration());
        if (!warnedUnbounded) {
            List<String> unbounded = unboundedRecorders(net);
            if (!unbounded.isEmpty()) {
                warnedUnbounded = true;
                log.info("conex: warning: every checkpoint saves the whole history of the in-memory recorders "
                        + unbounded + " (no max_length), so checkpoints grow with the run; record through the"
                        + " model's recorders: section (streamed) or set max_length");
            }
        }
    }

    /** In-memory recorders whose history has no bound, as "owner priority name". */
    private static List<String> unboundedRecorders(Network net) {
        List<String> found = new ArrayList<>();
        for (NetworkObject o : net.allObjects()) {
            for (Map.Entry<Double, Behavior<?>> e : o.behaviors().entrySet()) {
                Behavior<?> b = e.getValue();
                boolean unbounded = b instanceof EventRecorder
                        || b instanceof Recorder && b.params().get("max_length") == null;
                if (unbounded) {
                    found.add(o.tag() + " " + Behavior.formatPriority(e.getKey()) + " " + b.name());
                }
            }
        }
        return found;
    }

    /** The periodic checkpoints ({@code step-N.npz}), oldest first. */
    private List<Path> periodic() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> periodic = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.npz"))
                    .toList());
            periodic.sort((a, b) -> Long.compare(stepOf(a), stepOf(b)));
            return periodic;
        }
    }

    private static Path newestAtOrBefore(List<Path> periodic, long step) {
        Path found = null;
        for (Path p : periodic) {
            if (stepOf(p) <= step) {
                found = p;
            }
        }
        return found;
    }

    private static long stepOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(5, n.length() - 4));
    }
}
