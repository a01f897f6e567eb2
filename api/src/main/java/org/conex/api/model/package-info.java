/**
 * The object model: {@code Network}, {@code NeuronGroup}, {@code SynapseGroup} and their named state variables.
 *
 * <p>OSGi: exported at the version below; plugins import it with a consumer range
 * {@code [1.0,2)}, so a minor version (added methods with defaults, new classes) keeps them
 * working and only a major version breaks them.
 */
@Export
@Version("1.2.0")
package org.conex.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
