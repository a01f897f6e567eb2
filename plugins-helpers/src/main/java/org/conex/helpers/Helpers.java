package org.conex.helpers;

import java.util.Collection;
import java.util.SortedMap;
import org.conex.api.behavior.Behavior;
import org.conex.api.helper.BehaviorPriorities;
import org.conex.helpers.transforms.TensorNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The helper functions the CoNeX documentation names, in one place:
 * {@code normalize_tensor()} and {@code prioritize_behaviors()}. The other named helpers are classes:
 * {@link org.conex.helpers.encoders.PoissonEncoder}, {@link org.conex.helpers.masks.MaskBuilder},
 * and the plots of {@code org.conex.helpers.viz}.
 *
 * <pre>{@code
 * INDArray unit = Helpers.normalizeTensor(image);                              // min-max to [0, 1]
 * SortedMap<Double, Behavior<?>> byPriority = Helpers.prioritizeBehaviors(List.of(lif, fire, axon));
 * }</pre>
 */
public final class Helpers {
    private Helpers() {
    }

    /** Min-max normalization to [0, 1]; see {@link TensorNormalization} (a constant input gives zeros). */
    public static INDArray normalizeTensor(INDArray x) {
        return TensorNormalization.normalizeTensor(x);
    }

    /** Min-max or z-score normalization with an explicit smallest divisor; see {@link TensorNormalization}. */
    public static INDArray normalizeTensor(INDArray x, TensorNormalization.Method method, double epsilon) {
        return TensorNormalization.normalizeTensor(x, method, epsilon);
    }

    /**
     * Behaviors keyed by their CoNeX priority (the table of {@code conex/nn/priority.py}, or the
     * type's declared default); two behaviors with one priority are an error naming both. See
     * {@link BehaviorPriorities}.
     */
    public static SortedMap<Double, Behavior<?>> prioritizeBehaviors(Collection<? extends Behavior<?>> behaviors) {
        return BehaviorPriorities.prioritize(behaviors);
    }
}
