/** The {@code conex} command line: run, validate, conformance, plugins, plot, bench. */
package org.conex.cli;
