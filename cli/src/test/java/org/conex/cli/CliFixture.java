package org.conex.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.model.ModelExtension;

/** Runs the CLI in a temporary working folder and captures what it prints. */
final class CliFixture {
    /** One command's result. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final Path work;
    final BehaviorRegistry registry;
    final List<ModelExtension> extensions;

    CliFixture(Path work) {
        this(work, BehaviorRegistry.fromClassPath());
    }

    CliFixture(Path work, BehaviorRegistry registry) {
        this(work, registry, List.of());
    }

    /** With model extensions (e.g. the structures section), which the plain fixture leaves out. */
    CliFixture(Path work, BehaviorRegistry registry, List<ModelExtension> extensions) {
        this.work = work;
        this.registry = registry;
        this.extensions = extensions;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = ConexCli.run(args, new CliContext(po, pe, registry, extensions, work));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Copies a test resource model into the work folder. */
    Path model(String resource) throws IOException {
        try (InputStream in = CliFixture.class.getResourceAsStream("/models/" + resource)) {
            Path p = work.resolve(resource);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    /** Writes a model file with the given text. */
    Path write(String name, String text) throws IOException {
        Path p = work.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Whether python3 with numpy can be run (tests that need it skip with this reason otherwise). */
    static boolean hasNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a python3 script in {@code dir}; returns stdout, fails on a non-zero exit. */
    static String python(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError("python3 failed (" + code + "):\n" + out);
        }
        return out.strip();
    }
}
