/**
 * The engine: {@code Simulation} (global schedule, step lock) and {@code BehaviorRegistry} (providers by registered name, ranking).
 */
@Export
@Version("0.3.0")
package org.conex.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
