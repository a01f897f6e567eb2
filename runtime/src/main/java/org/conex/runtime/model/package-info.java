/**
 * Model files: a JSON or YAML document describing a whole experiment ({@link
 * org.conex.runtime.model.ModelSource}), checked in one pass that reports every problem with its
 * JSON path ({@link org.conex.runtime.model.ModelReader}), resolved into a {@link
 * org.conex.runtime.model.ModelSpec}, built into a network by registered names only ({@link
 * org.conex.runtime.model.ModelBuilder}) and written back as the resolved model ({@link
 * org.conex.runtime.model.ModelWriter}). Structures and inputs are handled by {@link
 * org.conex.runtime.model.ModelExtension}s. The format is documented in docs/model-format.md.
 */
package org.conex.runtime.model;
