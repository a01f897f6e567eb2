package org.conex.helpers.viz;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The look shared by the XChart-based figures: white background, light grid, readable fonts. */
final class ChartStyle {
    private ChartStyle() {
    }

    static void apply(XYChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        chart.getStyler().setXAxisTickMarkSpacingHint(90); // pixels between x ticks: no crowded labels
        chart.getStyler().setXAxisMaxLabelCount(Math.max(4, chart.getWidth() / 80)); // also for integer-valued axes
    }
}
