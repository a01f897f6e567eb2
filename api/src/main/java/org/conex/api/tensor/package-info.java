/**
 * Tensors: dtypes with float32 rounding, zero-copy kernel views ({@code Vec}, {@code Views}), seeded random streams, sparse weights.
 *
 * <p>OSGi: exported at the version below; plugins import it with a consumer range
 * {@code [1.0,2)}, so a minor version (added methods with defaults, new classes) keeps them
 * working and only a major version breaks them.
 */
@Export
@Version("1.3.0")
package org.conex.api.tensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
