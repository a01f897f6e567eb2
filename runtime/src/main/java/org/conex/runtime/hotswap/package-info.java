/**
 * Hot-swappable neuron models for running simulations, independent of OSGi: a
 * {@link org.conex.runtime.hotswap.ModelBinding} per neuron group names its model, the
 * {@link org.conex.runtime.hotswap.HotSwap} resolves names through the behavior registry and
 * follows it as providers come and go (wait, swap with state kept by name, re-bind, fall back,
 * pause, resume), always at a step boundary; {@link org.conex.runtime.hotswap.RunLoop} steps a
 * simulation in the background.
 */
@Export
@Version("0.1.0")
package org.conex.runtime.hotswap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
