package org.conex.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conex.api.model.Network;

/**
 * What the paper's two networks share: one group {@code NG} of {@code n} neurons connected to
 * itself all-to-all by the synapse group {@code NG_NG} ({@code n²} synapses); every spike reaches
 * {@code n} synapses; the summary is the spike count (SpikeCounter) and the mean weight.
 */
abstract class RecurrentWorkload implements Workload {
    /** Number of neurons. */
    protected final int n;
    private final int steps;

    RecurrentWorkload(int n, int steps) {
        this.n = n;
        this.steps = steps;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public long synapses(Network net) {
        return (long) n * n;
    }

    @Override
    public long synapticEvents(Network net) {
        return Models.spikeCount(net.neuronGroup("NG")) * n;
    }

    @Override
    public Map<String, Object> summary(Network net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spikes", Models.spikeCount(net.neuronGroup("NG")));
        m.put("mean_weight", Models.meanWeight(net.synapseGroup("NG_NG")));
        return m;
    }
}
