package org.conex.helpers.masks;

/**
 * How the grid masks read a {@link Gap}.
 * <ul>
 * <li>{@link #SIDES} (default): the documented meaning of {@link Gap} for all three masks.</li>
 * <li>{@link #REFERENCE}: CoNeX 0.1.5's geometry, which differs between the classes and uses the
 *     left/right gaps on rows (BUG-14); with the reference's negative-index wrap-around replaced by
 *     clamping. For old notebooks only.</li>
 * </ul>
 * With symmetric gaps (all four equal) both conventions give the same cells.
 */
public enum GapConvention {
    SIDES,
    REFERENCE
}
