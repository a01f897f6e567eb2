package org.conex.runtime.model;

import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;

/**
 * Handles the entries of a model section that the core reader does not know: {@code structures}
 * (layers, columns, cortical blocks from the structures plugin) and {@code inputs} (datasets,
 * transforms and encoders from the helpers plugin). The reader offers each entry of the section to
 * the installed extensions in order; the first that {@link #accepts} it checks it (reporting every
 * problem with its JSON path, and declaring the groups it will create so synapses and recorders can
 * refer to them) and later builds it.
 */
public interface ModelExtension {
    /** The section this extension reads: {@code "structures"} or {@code "inputs"}. */
    String section();

    /** Whether this extension handles {@code entry} (typically by its {@code type}). */
    boolean accepts(SectionEntry entry);

    /**
     * Checks one entry without allocating network state: adds problems to {@code context}, declares
     * the neuron groups it will create with {@link ModelContext#declareGroup} and the bindings it
     * will provide in {@link ModelContext#bindings()}.
     */
    void check(SectionEntry entry, ModelContext context);

    /** Bytes the entry will allocate (for the memory check before building); 0 if negligible. */
    default long estimateBytes(SectionEntry entry, ModelContext context) {
        return 0;
    }

    /**
     * Builds the entry into the network. Inputs are built first (in file order), then the groups,
     * then the structures, then the synapses.
     *
     * @param bindings run-time objects by name, shared by the entries of one build: an input entry
     *                 puts its data under its name, a structure (an input layer) takes it from there
     */
    void build(SectionEntry entry, Network network, BehaviorLookup behaviors, Map<String, Object> bindings);

    /** A short name for messages and the run's provider list (e.g. "helpers: mnist, poisson"). */
    default String describe() {
        return getClass().getSimpleName();
    }
}
