/** One run of a model: the run folder, the log, progress display, health checks and the step loop. */
package org.conex.cli.run;
