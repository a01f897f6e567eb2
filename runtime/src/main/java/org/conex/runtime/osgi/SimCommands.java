package org.conex.runtime.osgi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conex.api.ConexException;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.UnknownProviderException;
import org.conex.runtime.hotswap.HotSwapEvent;
import org.conex.runtime.hotswap.LiveModel;
import org.conex.runtime.hotswap.MigrationReport;
import org.conex.runtime.hotswap.ModelSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands in scope {@code sim} (named so they do not shadow Gogo's own {@code start},
 * {@code stop}, ...; osgi.md P5):
 *
 * <pre>
 * sim:providers                 installed behaviors with bundle, version, ranking
 * sim:load FILE [SEED]          load a model (conformance-case JSON; see LiveModel)
 * sim:go                        start stepping in the background
 * sim:halt                      stop after the current step
 * sim:step [N]                  run N steps now (default 1; the model must be halted)
 * sim:swap GROUP MODEL [JSON]   swap a group's model at the next step boundary, keeping state
 * sim:status                    iteration, running or not, every group's model and provider
 * sim:events                    what happened to the models (started, swapped, paused, ...)
 * sim:unload                    halt and forget the model
 * </pre>
 * Immediate, so the loaded model survives between commands (a delayed component would be
 * deactivated, and its model dropped, each time the shell releases it).
 */
@Component(service = SimCommands.class, immediate = true, property = {"osgi.command.scope=sim",
    "osgi.command.function=providers", "osgi.command.function=load", "osgi.command.function=go",
    "osgi.command.function=halt", "osgi.command.function=step", "osgi.command.function=swap",
    "osgi.command.function=status", "osgi.command.function=events", "osgi.command.function=unload"})
public final class SimCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private BehaviorRegistry registry;

    private LiveModel model;

    /** Installed behaviors: name, version, ranking, providing bundle; {@code *} marks the chosen one. */
    public String providers() {
        return ProviderTable.format(registry);
    }

    /** Loads a model with seed 0. */
    public String load(String file) throws IOException {
        return load(file, 0);
    }

    /** Loads a model (replacing the current one) and reports its groups' model bindings. */
    public synchronized String load(String file, long seed) throws IOException {
        unload();
        model = LiveModel.load(Path.of(file), registry, seed);
        return "loaded " + model.name() + "\n" + model.status();
    }

    /** Starts stepping in the background. */
    public synchronized String go() {
        current().loop().start();
        return "running " + current().name() + " from iteration " + current().network().iteration();
    }

    /** Halts the background stepping after the current step. */
    public synchronized String halt() {
        current().loop().halt();
        return "halted at iteration " + current().network().iteration();
    }

    /** One step. */
    public String step() {
        return step(1);
    }

    /** Runs {@code n} steps on the shell's thread (halt the model first). */
    public synchronized String step(int n) {
        LiveModel m = current();
        if (m.loop().running()) {
            throw new ConexException("the model is running; sim:halt first, or let it run");
        }
        m.simulation().simulate(n);
        return "iteration " + m.network().iteration();
    }

    /** Swaps {@code group} to {@code modelName} with default parameters. */
    public String swap(String group, String modelName) throws IOException {
        return swap(group, modelName, "{}");
    }

    /** Swaps {@code group} to {@code modelName} with parameters given as a JSON object. */
    public synchronized String swap(String group, String modelName, String paramsJson) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = JSON.readValue(paramsJson, Map.class);
        MigrationReport r;
        try {
            r = current().hotSwap().swap(group, new ModelSpec(modelName, params));
        } catch (UnknownProviderException e) {
            if (e.getMessage().contains("(did you mean ")) {
                throw e; // a typo, not a slow start
            }
            // the usual cause right after a drop into deploy/: the bundle is not started yet
            throw new ConexException(e.getMessage() + ". A bundle just copied into deploy/ needs a moment"
                    + " to start (FileInstall looks every 250 ms): try again, and see lb and sim:providers", e);
        }
        return "swapped at iteration " + current().network().iteration() + ": " + r.describe();
    }

    /** Iteration, running state and every binding. */
    public synchronized String status() {
        return model == null ? "no model loaded (sim:load FILE)" : model.status();
    }

    /** The latest hot-swap events, oldest first. */
    public synchronized String events() {
        if (model == null) {
            return "no model loaded";
        }
        StringBuilder sb = new StringBuilder();
        List<HotSwapEvent> l = model.events();
        for (HotSwapEvent e : l) {
            sb.append(e).append('\n');
        }
        return l.isEmpty() ? "no events yet" : sb.toString();
    }

    /** Halts and forgets the model. */
    public synchronized String unload() {
        if (model == null) {
            return "nothing loaded";
        }
        String n = model.name();
        model.close();
        model = null;
        return "unloaded " + n;
    }

    @Deactivate
    void deactivate() {
        unload();
    }

    private LiveModel current() {
        if (model == null) {
            throw new ConexException("no model loaded; use sim:load FILE (for example models/hotswap-demo.json)");
        }
        return model;
    }
}
