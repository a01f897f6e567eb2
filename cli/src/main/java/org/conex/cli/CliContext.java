package org.conex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.model.ModelExtension;

/**
 * What every sub-command works with: the two output streams (results on {@code out}, messages and
 * progress on {@code err}), the behavior registry, the model extensions (structures, inputs) and
 * the working folder where {@code runs/} is created.
 */
public final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final BehaviorRegistry registry;
    private final List<ModelExtension> extensions;
    private final Path workDir;
    private boolean stackTraces;

    /**
     * @param extensions model extensions; null to discover them with ServiceLoader
     */
    public CliContext(PrintStream out, PrintStream err, BehaviorRegistry registry, List<ModelExtension> extensions,
                      Path workDir) {
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.extensions = extensions != null ? List.copyOf(extensions) : discover();
        this.workDir = workDir;
    }

    private static List<ModelExtension> discover() {
        List<ModelExtension> l = new ArrayList<>();
        for (ModelExtension x : ServiceLoader.load(ModelExtension.class, CliContext.class.getClassLoader())) {
            l.add(x);
        }
        return l;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public BehaviorRegistry registry() {
        return registry;
    }

    public List<ModelExtension> extensions() {
        return extensions;
    }

    /** The folder relative paths and {@code runs/} are resolved against. */
    public Path workDir() {
        return workDir;
    }

    /** Whether unexpected errors print their stack trace ({@code --stacktrace}). */
    public boolean stackTraces() {
        return stackTraces;
    }

    void setStackTraces(boolean b) {
        this.stackTraces = b;
    }

    /** Prints {@code conex: message} on the error stream. */
    public void error(String message) {
        err.println("conex: " + message);
        err.flush();
    }
}
