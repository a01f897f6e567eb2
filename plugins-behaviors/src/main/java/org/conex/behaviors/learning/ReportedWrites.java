package org.conex.behaviors.learning;

import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.WeightChanges;

/**
 * How a learning rule that declares {@link org.conex.api.behavior.WeightAccess#REPORTED} writes
 * in one step: {@link #begin} reads whether the WeightClip that follows offered its bounds
 * ({@link WeightChanges#offerBounds}); the rule then clamps every written value to
 * {@link #lower()}..{@link #upper()} (infinite when there is no offer, which changes nothing) and
 * marks the rows and columns it touched with {@link #row}/{@link #column}, as clamped or not.
 */
final class ReportedWrites {
    private WeightChanges changes;
    private boolean clamped;
    private double lower = Double.NEGATIVE_INFINITY;
    private double upper = Double.POSITIVE_INFINITY;

    /** Starts the step's writes to {@code syn}'s weights. */
    void begin(SynapseGroup syn) {
        changes = syn.weightChanges();
        clamped = changes.boundsOffered(syn.network().structureVersion());
        lower = clamped ? changes.lowerBound() : Double.NEGATIVE_INFINITY;
        upper = clamped ? changes.upperBound() : Double.POSITIVE_INFINITY;
    }

    /** Lower clamp of this step's written values. */
    double lower() {
        return lower;
    }

    /** Upper clamp of this step's written values. */
    double upper() {
        return upper;
    }

    /** Every weight of source row {@code i} may have been written. */
    void row(int i) {
        if (clamped) {
            changes.markRowClamped(i);
        } else {
            changes.markRow(i);
        }
    }

    /** Every weight of destination column {@code j} may have been written. */
    void column(int j) {
        if (clamped) {
            changes.markColumnClamped(j);
        } else {
            changes.markColumn(j);
        }
    }
}
