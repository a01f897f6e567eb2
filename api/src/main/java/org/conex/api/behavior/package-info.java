/**
 * Behaviors and their SPI: {@code Behavior}, {@code BehaviorType} (name, priority, declared parameters, factory), validated {@code Params}, and {@code BehaviorProvider}, the service plugins publish.
 *
 * <p>OSGi: exported at the version below; plugins import it with a consumer range
 * {@code [1.0,2)}, so a minor version (added methods with defaults, new classes) keeps them
 * working and only a major version breaks them.
 */
@Export
@Version("1.1.0")
package org.conex.api.behavior;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
