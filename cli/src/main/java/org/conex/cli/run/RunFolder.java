package org.conex.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The folder of one run, {@code runs/NAME-YYYYMMDD-HHMMSS/} (or the {@code --out} folder):
 * <pre>
 *   model.yaml | model.json   the model file as given, byte for byte
 *   model.resolved.json        the model with every default and priority made explicit
 *   run.json                   name, seed, status, steps, providers and versions, command line
 *   run.log                    the run's log
 *   recordings/                .npy files and index.json
 *   checkpoints/               step-N.npz (and failed-step-N.npz / interrupted-step-N.npz)
 * </pre>
 * Everything a run writes is inside this folder.
 */
public final class RunFolder {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * A new folder {@code runsDir/NAME-STAMP} ({@code -2}, {@code -3}, ... appended if taken).
     *
     * @param name a model name (letters, digits, '_' and '-': checked by the model reader)
     */
    public static RunFolder createIn(Path runsDir, String name, LocalDateTime now) throws IOException {
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("run name must be letters, digits, '_' or '-', found '" + name + "'");
        }
        Files.createDirectories(runsDir);
        String base = name + "-" + STAMP.format(now);
        Path d = runsDir.resolve(base);
        int recreated = 0;
        for (int i = 2; ; i++) {
            try {
                Files.createDirectory(d);
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                d = runsDir.resolve(base + "-" + i);
            } catch (java.nio.file.NoSuchFileException e) {
                // another run that proved invalid has just removed the runs folder it created
                // (still empty then): make it again
                if (++recreated > 3) {
                    throw e;
                }
                Files.createDirectories(runsDir);
                i--;
            }
        }
        return init(d);
    }

    /** The given folder, which must not exist or be empty. */
    public static RunFolder at(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty; give --out a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
        return init(dir);
    }

    /** An existing run folder (to continue a run in place from one of its checkpoints). */
    public static RunFolder existing(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new IOException(dir + " is not a run folder (no run.json)");
        }
        return new RunFolder(dir);
    }

    /** The run folder a checkpoint lies in ({@code RUN/checkpoints/FILE}), or null. */
    public static Path ofCheckpoint(Path checkpoint) {
        Path parent = checkpoint.toAbsolutePath().getParent();
        if (parent == null || !parent.getFileName().toString().equals("checkpoints")) {
            return null;
        }
        Path run = parent.getParent();
        return run != null && Files.isRegularFile(run.resolve("run.json")) ? run : null;
    }

    private static RunFolder init(Path d) throws IOException {
        Files.createDirectories(d.resolve("recordings"));
        Files.createDirectories(d.resolve("checkpoints"));
        return new RunFolder(d);
    }

    public Path dir() {
        return dir;
    }

    public Path recordings() {
        return dir.resolve("recordings");
    }

    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    public Path log() {
        return dir.resolve("run.log");
    }

    /** Saves the model text as given, as model.json or model.yaml. */
    public void writeModel(String text, boolean json) throws IOException {
        Files.writeString(dir.resolve(json ? "model.json" : "model.yaml"), text);
    }

    /** Saves the resolved model. */
    public void writeResolved(String json) throws IOException {
        Files.writeString(dir.resolve("model.resolved.json"), json);
    }

    /** Writes run.json atomically. */
    public void writeRunInfo(ObjectNode info) throws IOException {
        Path tmp = dir.resolve("run.json.tmp");
        Files.writeString(tmp, MAPPER.writeValueAsString(info));
        Files.move(tmp, dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads run.json. */
    public ObjectNode readRunInfo() throws IOException {
        return (ObjectNode) MAPPER.readTree(dir.resolve("run.json").toFile());
    }

    /** A new run.json tree. */
    public static ObjectNode newInfo() {
        return MAPPER.createObjectNode();
    }
}
