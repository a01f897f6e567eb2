/** Model-file extensions backed by the plugins: {@code structures} (structures plugin) and {@code inputs} (helpers). */
package org.conex.cli.model;
