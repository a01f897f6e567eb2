package org.conex.api.model;

import org.conex.api.tensor.WeightChanges;

/**
 * Connections from a source to a destination neuron group. Tags: the primary tag, the extra tags
 * (e.g. "Proximal", "Distal", "Apical" choose the dendritic branch), then "SynapseGroup", "syn"
 * and "&lt;src&gt; =&gt; &lt;dst&gt;". Dense weights are {@link #matrixShape()}: {@code [src.size, dst.size]}
 * in SxD mode.
 */
public final class SynapseGroup extends NetworkObject {
    private final NeuronGroup src;
    private final NeuronGroup dst;
    private WeightChanges weightChanges;

    SynapseGroup(Network network, String tag, NeuronGroup src, NeuronGroup dst, String... extraTags) {
        super(network, tag, null);
        for (String t : extraTags) {
            addTag(t);
        }
        addTag("SynapseGroup");
        addTag("syn");
        addTag(src.tag() + " => " + dst.tag());
        this.src = src;
        this.dst = dst;
    }

    @Override
    public String kind() {
        return "synapse group";
    }

    public NeuronGroup src() {
        return src;
    }

    public NeuronGroup dst() {
        return dst;
    }

    /** {@code [src.size, dst.size]} in SxD mode, {@code [dst.size, src.size]} in DxS mode. */
    public long[] matrixShape() {
        return network().synapseMode() == SynapseMode.SxD ? new long[] {src.size(), dst.size()}
                : new long[] {dst.size(), src.size()};
    }

    /**
     * The tracker of changed weight rows and columns of this group ({@code [N_src, N_dst]}),
     * created on first use. Writing or removing the {@code weights} variable marks everything.
     */
    public WeightChanges weightChanges() {
        if (weightChanges == null) {
            weightChanges = new WeightChanges(src.size(), dst.size());
        }
        return weightChanges;
    }

    @Override
    void written(String name) {
        if (weightChanges != null && "weights".equals(name)) {
            weightChanges.markAll();
        }
    }

    /** True if the source group's tags contain "inh" or "GABA" (dendritic currents get sign -1). */
    public boolean isInhibitorySource() {
        return src.hasTag("inh") || src.hasTag("GABA");
    }
}
