package org.conex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A loaded model.
     *
     * @param document the file as given
     * @param tree     the tree after overrides
     * @param spec     the checked model
     * @param reader   the reader (its extensions build structures and inputs)
     */
    record Loaded(ModelSource.Document document, ObjectNode tree, ModelSpec spec, ModelReader reader) {
    }

    private ModelLoading() {
    }

    /** The built-in default example as a document. */
    static ModelSource.Document defaultDocument() {
        try (InputStream in = ModelLoading.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the default example model is missing from the jar");
            }
            return ModelSource.parse("default example model", in.readAllBytes(), ModelSource.Format.YAML);
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
        return check(ctx, doc, options, defaultName);
    }

    /** Applies the options to a document's tree and reads it. */
    static Loaded check(CliContext ctx, ModelSource.Document doc, ModelOptions options, String defaultName) {
        ObjectNode tree = ((ObjectNode) doc.tree()).deepCopy();
        List<ModelProblem> problems = new ArrayList<>();
        if (options != null) {
            Overrides o = new Overrides(tree, ctx.registry());
            if (options.steps != null) {
                o.steps(options.steps);
            }
            if (options.seed != null) {
                o.seed(options.seed);
            }
            if (options.checkpointEvery != null) {
                o.checkpointEvery(options.checkpointEvery);
            }
            options.set.forEach(o::set);
            for (String p : o.problems()) {
                problems.add(new ModelProblem("command line", p));
            }
        }
        ModelReader reader = new ModelReader(ctx.registry(), ctx.extensions());
        ModelSpec spec = null;
        try {
            spec = reader.read(tree, doc.name(), defaultName);
        } catch (ModelInvalidException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ModelInvalidException(doc.name(), problems);
        }
        return new Loaded(doc, tree, spec, reader);
    }

    static Path resolve(CliContext ctx, Path p) {
        return p.isAbsolute() ? p : ctx.workDir().resolve(p);
    }
}
