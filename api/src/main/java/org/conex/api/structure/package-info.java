/**
 * Structures and their SPI: {@code Structure} (a network object that owns groups, synapses and
 * other structures and offers named {@code Port}s), {@code BehaviorSpec} (a behavior by registered
 * name and parameters, instantiated afresh for every owner), {@code StructureType} (name, declared
 * parameters, factory), {@code StructureContext}, {@code StructureProvider} (the service plugins
 * publish), {@code StructureLookup}, and {@code InputBatch} (the data an input layer reads).
 * Saved documents name structure types by their registered name only.
 */
@Export
@Version("1.1.0")
package org.conex.api.structure;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
