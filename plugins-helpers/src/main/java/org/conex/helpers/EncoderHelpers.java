package org.conex.helpers;

import java.util.List;
import org.conex.api.helper.HelperProvider;
import org.conex.api.helper.HelperType;
import org.conex.helpers.encoders.Intensity2Latency;
import org.conex.helpers.encoders.Poisson;
import org.conex.helpers.encoders.PoissonEncoder;
import org.conex.helpers.encoders.SimplePoisson;
import org.osgi.service.component.annotations.Component;

/** Encoders: SimplePoisson, Poisson, Intensity2Latency (CoNeX) and PoissonEncoder (rate in Hz). */
@Component(service = HelperProvider.class)
public final class EncoderHelpers implements HelperProvider {
    @Override
    public List<HelperType> helperTypes() {
        return List.of(SimplePoisson.TYPE, Poisson.TYPE, Intensity2Latency.TYPE, PoissonEncoder.TYPE);
    }
}
