package org.conex.helpers.viz;

import java.awt.Color;

/**
 * Value-to-colour maps: {@link #DIVERGING} (blue, white, red; for signed data, 0 is white) and
 * {@link #SEQUENTIAL} (an approximation of matplotlib's viridis, dark purple to yellow). Colours
 * are linear interpolations between anchor colours.
 */
public enum ColorMap {
    DIVERGING(new Color(33, 102, 172), new Color(146, 197, 222), Color.WHITE, new Color(244, 165, 130),
            new Color(178, 24, 43)),
    SEQUENTIAL(new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98),
            new Color(253, 231, 37));

    private final Color[] anchors;

    ColorMap(Color... anchors) {
        this.anchors = anchors;
    }

    /** The colour at {@code f} in [0, 1] (clamped; NaN gives grey). */
    public Color at(double f) {
        if (Double.isNaN(f)) {
            return Color.GRAY;
        }
        double x = Math.max(0, Math.min(1, f)) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        double t = x - i;
        Color a = anchors[i];
        Color b = anchors[i + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
