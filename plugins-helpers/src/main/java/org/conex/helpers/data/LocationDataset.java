package org.conex.helpers.data;

import java.util.Objects;
import java.util.function.LongUnaryOperator;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.Sample;
import org.conex.api.helper.SampleTransform;
import org.conex.api.helper.TensorTransform;

/**
 * CoNeX's {@code data.LocationDataset} (behaviors.md 6.1): wraps a dataset and applies, in this
 * order, a pre-transform that may set the location (e.g. a {@link org.conex.helpers.masks.GridMask}),
 * a post-transform of the sensory tensor (e.g. an encoder), a location transform and a target
 * (label) transform. Each stage is optional ({@code null} skips it); the location transform is
 * skipped when no location exists (the reference would pass it a None).
 */
public final class LocationDataset implements DataSource {
    private final DataSource dataset;
    private final SampleTransform pre;
    private final TensorTransform post;
    private final TensorTransform location;
    private final LongUnaryOperator target;

    /**
     * @param dataset  the wrapped samples (never null)
     * @param pre      sample transform run first, may set the location, or null
     * @param post     sensory transform, or null
     * @param location location transform, or null
     * @param target   label transform, or null
     */
    public LocationDataset(DataSource dataset, SampleTransform pre, TensorTransform post, TensorTransform location,
                           LongUnaryOperator target) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.pre = pre;
        this.post = post;
        this.location = location;
        this.target = target;
    }

    @Override
    public int size() {
        return dataset.size();
    }

    @Override
    public Sample get(int index) {
        Sample s = dataset.get(index);
        if (pre != null) {
            s = pre.apply(s);
        }
        if (post != null) {
            s = s.withSensory(post.transform(s.sensory()));
        }
        if (location != null && s.location().isPresent()) {
            s = s.withLocation(location.transform(s.location().get()));
        }
        if (target != null && s.label().isPresent()) {
            s = s.withLabel(target.applyAsLong(s.label().getAsLong()));
        }
        return s;
    }

    @Override
    public String describe() {
        return "LocationDataset of " + dataset.describe();
    }
}
