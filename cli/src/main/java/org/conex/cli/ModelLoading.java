package org.conex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conex.cli.model.InputsExtension;
import org.conex.runtime.model.ModelExtension;
import org.conex.runtime.model.ModelInvalidException;
import org.conex.runtime.model.ModelProblem;
import org.conex.runtime.model.ModelReader;
import org.conex.runtime.model.ModelSource;
import org.conex.runtime.model.ModelSpec;
import org.conex.runtime.model.Overrides;

/**
 * Loads a model for a command: the file (or the built-in default example), the command-line
 * overrides applied to its tree, then the checked {@link ModelSpec}.
 */
final class ModelLoading {
    /** Resource of the default example model. */
    static final String DEFAULT_MODEL = "/org/conex/cli/examples/default-model.yaml";
    /** How the built-in example is named in messages. */
    static final String DEFAULT_NAME = "built-in example model";

    /**
     * A loaded model.
     *
     * @param document the file as given
     * @param tree     the tree after overrides
     * @param spec     the checked model
     * @param reader   the reader (its extensions build structures and inputs)
     * @param base     the folder relative data paths resolve against
     */
    record Loaded(ModelSource.Document document, ObjectNode tree, ModelSpec spec, ModelReader reader, Path base) {
    }

    private ModelLoading() {
    }

    /** The built-in default example as a document. */
    static ModelSource.Document defaultDocument() {
        try (InputStream in = ModelLoading.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the default example model is missing from the jar");
            }
            return ModelSource.parse(DEFAULT_NAME, in.readAllBytes(), ModelSource.Format.YAML);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default example model", e);
        }
    }

    /**
     * Reads {@code file} (or the default example when null), applies {@code options} and checks it.
     *
     * @throws ModelInvalidException listing every problem (file and overrides together)
     */
    static Loaded load(CliContext ctx, Path file, ModelOptions options) {
        ModelSource.Document doc = file == null ? defaultDocument() : ModelSource.read(resolve(ctx, file));
        String defaultName = file == null ? "default" : String.valueOf(file.getFileName());
        Path base = file == null ? dataDirectory(ctx) : resolve(ctx, file).toAbsolutePath().getParent();
        return check(ctx, doc, options, defaultName, base);
    }

    /**
     * A failure of initialization with the JSON path of the behavior entry in front when the file
     * lists that behavior itself ("groups[0].behaviors[2]: LIF (priority 260) on ...").
     */
    static String located(org.conex.runtime.model.ModelSpec spec, org.conex.runtime.BehaviorFailure e) {
        String path = spec.behaviorPath(e.entry().owner().tag(), e.entry().priority());
        return path == null ? e.getMessage() : path + ": " + e.getMessage();
    }

    /** Whether the failure is that the model file could not be read at all (exit code 4, not 2). */
    static boolean unreadable(ModelInvalidException e) {
        return e.problems().size() == 1 && e.problems().get(0).path().equals("$")
                && e.problems().get(0).message().startsWith("no such file");
    }

    /**
     * Where the built-in example finds its data ({@code mnist10k/...}): the {@code conex.data}
     * folder that bin/conex sets, else {@code ../shared/data} of a source checkout, else
     * {@code data/} in the working folder.
     */
    static Path dataDirectory(CliContext ctx) {
        String data = System.getProperty("conex.data");
        if (data != null) {
            return Path.of(data);
        }
        String shared = System.getProperty("conex.shared.dir");
        Path s = shared != null ? Path.of(shared, "data") : ctx.workDir().resolve("../shared/data").normalize();
        return java.nio.file.Files.isDirectory(s) ? s : ctx.workDir().resolve("data");
    }

    /** Applies the options to a document's tree and reads it; relative data paths resolve against {@code base}. */
    static Loaded check(CliContext ctx, ModelSource.Document doc, ModelOptions options, String defaultName,
                        Path base) {
        ObjectNode tree = ((ObjectNode) doc.tree()).deepCopy();
        List<ModelProblem> problems = new ArrayList<>();
        Overrides o = new Overrides(tree, ctx.registry());
        if (options != null) {
            if (options.steps != null) {
                o.steps(options.steps);
            }
            if (options.seed != null) {
                o.seed(options.seed);
            }
            if (options.checkpointEvery != null) {
                o.checkpointEvery(options.checkpointEvery);
            }
            if (options.checkEvery != null) {
                o.set("run.check_every=" + options.checkEvery);
            }
            options.set.forEach(o::set);
            for (String p : o.problems()) {
                problems.add(new ModelProblem("command line", p));
            }
        }
        List<ModelExtension> extensions = new ArrayList<>(ctx.extensions());
        if (extensions.stream().noneMatch(x -> x.section().equals("inputs"))) {
            extensions.add(new InputsExtension(base));
        }
        ModelReader reader = new ModelReader(ctx.registry(), extensions);
        ModelSpec spec = null;
        try {
            spec = reader.read(tree, doc.name(), defaultName);
        } catch (ModelInvalidException e) {
            e.problems().forEach(p -> problems.add(o.attribute(p)));
        }
        if (!problems.isEmpty()) {
            if (doc.name().equals(DEFAULT_NAME)) {
                problems.add(new ModelProblem("$", "the built-in example reads the MNIST-10k digits from " + base
                        + "/mnist10k; bin/conex points -Dconex.data at the installation's data folder. Give a model"
                        + " file of your own to run without them"));
            }
            throw new ModelInvalidException(doc.name(), problems);
        }
        return new Loaded(doc, tree, spec, reader, base);
    }

    static Path resolve(CliContext ctx, Path p) {
        return p.isAbsolute() ? p : ctx.workDir().resolve(p);
    }
}
