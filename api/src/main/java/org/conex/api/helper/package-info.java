/**
 * Helpers and their SPI: encoders, filters, masks, transforms and datasets published by
 * {@code HelperProvider} services and found by registered name through {@code HelperRegistry}.
 *
 * <p>OSGi: exported at the version below; plugins import it with a consumer range {@code [1.0,2)}.
 */
@Export
@Version("1.0.0")
package org.conex.api.helper;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
