/**
 * Root of the CoNeX API: the exception types every model error derives from.
 *
 * <p>OSGi: exported at the version below; plugins import it with a consumer range
 * {@code [1.0,2)}, so a minor version (added methods with defaults, new classes) keeps them
 * working and only a major version breaks them.
 */
@Export
@Version("1.0.0")
package org.conex.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
