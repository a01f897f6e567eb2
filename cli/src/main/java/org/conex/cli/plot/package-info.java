/** Pictures of a run folder: PNG plots (helpers' viz) and a self-contained interactive HTML report. */
package org.conex.cli.plot;
