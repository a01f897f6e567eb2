/**
 * The conformance runner for golden case files.
 */
@Export
@Version("0.1.0")
package org.conex.runtime.conformance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
