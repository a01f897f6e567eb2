package org.conex.api.structure;

/** Builds one structure of a registered type from a {@link StructureContext}. */
@FunctionalInterface
public interface StructureFactory {
    /**
     * Creates the structure (its constructor registers it with {@code context.network()}),
     * adopting {@link StructureContext#members()} and setting {@link StructureContext#refs()}.
     *
     * @throws org.conex.api.ConexException naming the structure and the element at fault
     */
    Structure create(StructureContext context);
}
